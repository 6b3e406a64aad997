package cn.duban.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Flyway V10 on a database of notices issued before it: each old notice gets its fields from its
 * text, in both layouts the application wrote, and a text in neither is kept whole. On PostgreSQL
 * (production) and H2 (the embedded default), each migrated by hand from V9.
 */
class NoticeFieldsMigrationTest {

  private static final String OFFICE = "县委县政府督查室";

  /** The text as NoticeService wrote it from 三定 (bfa2b64) on, with a content over several lines. */
  private static final String CURRENT = """
      督查事项立项通知单
      督〔2026〕1号

      县住房和城乡建设局：
      现将“城区老旧小区改造”列为督查事项，请你单位按照要求认真抓好落实，于2026年3月20日前办结，并报送办结报告。

      协办单位：县发展和改革局、县交通运输局
      责任人：林晓东
      工作内容和要求：完成城区12个老旧小区改造
      注意：3月底前全部开工

      关键节点：要排在最后
      关键节点：2026-03-10 完成方案设计；2026-03-20 全部开工
      质量标准：改造方案经专家评审；居民满意度不低于90%

      县委县政府督查室
      2026年3月2日""";

  /** The first layout (the pipeline's first version): the content was its only row. */
  private static final String FIRST = """
      督查事项限期催办单
      督〔2026〕1号

      县住房和城乡建设局：
      督查事项“城区老旧小区改造”已到完成时限，至今未报办结。请你单位高度重视，于2026年3月27日前办结并报送办结报告。逾期未办结的，将发出限期具结单。

      工作内容和要求：完成城区12个老旧小区改造
      责任人：不是一行，是内容的一部分

      县政府督查室
      2026年3月23日""";

  /** Text in no layout the application wrote (edited by hand in the database, say). */
  private static final String NEITHER = "县住房和城乡建设局：请于月底前办结。";

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"PostgreSQL", "H2"})
  @DisplayName("V10 gives every old notice its fields from its text, once")
  void oldNoticesGetTheirFields(String database) throws SQLException {
    String url = database.equals("H2") ? "jdbc:h2:mem:v10-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"
        : EmbeddedPostgres.newDatabase();
    flyway(url).target("9").load().migrate();
    try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
      long caseId = oldCase(c);
      long green = oldNotice(c, caseId, "GREEN", CURRENT);
      long yellow = oldNotice(c, caseId, "YELLOW", FIRST);
      long red = oldNotice(c, caseId, "RED", NEITHER);

      flyway(url).javaMigrations(new NoticeFieldsMigration(OFFICE)).load().migrate();

      assertThat(fields(c, green)).isEqualTo(new NoticeFieldsMigration.Fields(
          "现将“城区老旧小区改造”列为督查事项，请你单位按照要求认真抓好落实，于2026年3月20日前办结，并报送办结报告。",
          "县发展和改革局、县交通运输局", "林晓东", "完成城区12个老旧小区改造\n注意：3月底前全部开工\n\n关键节点：要排在最后",
          "2026-03-10 完成方案设计；2026-03-20 全部开工", "改造方案经专家评审；居民满意度不低于90%", OFFICE));
      assertThat(fields(c, yellow)).isEqualTo(new NoticeFieldsMigration.Fields(
          "督查事项“城区老旧小区改造”已到完成时限，至今未报办结。请你单位高度重视，于2026年3月27日前办结并报送办结报告。"
              + "逾期未办结的，将发出限期具结单。",
          null, null, "完成城区12个老旧小区改造\n责任人：不是一行，是内容的一部分", null, null, "县政府督查室"));
      assertThat(fields(c, red)).isEqualTo(new NoticeFieldsMigration.Fields(NEITHER, null, null, null, null, null,
          OFFICE));
      assertThat(body(c, green)).as("the text stays for the record").isEqualTo(CURRENT);

      // the text takes a notice of the longest content and checklist now; demand and office are required
      try (PreparedStatement longer = c.prepareStatement("update case_notice set body = ? where id = ?")) {
        longer.setString(1, "内".repeat(9000));
        longer.setLong(2, green);
        assertThat(longer.executeUpdate()).isOne();
      }
      assertThatThrownBy(() -> c.createStatement().executeUpdate(
          "update case_notice set demand = null where id = " + red)).isInstanceOf(SQLException.class);
    }
  }

  @Test
  @DisplayName("V10 reads back every field of the text NoticeService writes today")
  void readsWhatTheServiceWrites() {
    NoticeFields fields = new NoticeFields("现将“改造：一期”列为督查事项……", "无", "林晓东",
        "第一项：拆除\n\n第二项：新建\n质量标准：不是最后一行", "无", "一；二", "县委县政府督查室");
    String text = NoticeService.text(NoticeKind.GREEN, "督〔2026〕7号", "县住房和城乡建设局", fields,
        Instant.parse("2026-03-02T01:00:00Z"), ZoneId.of("Asia/Shanghai"));

    assertThat(NoticeFieldsMigration.parse(text, "县住房和城乡建设局", "别的办公室"))
        .isEqualTo(new NoticeFieldsMigration.Fields(fields.demand(), fields.coUnits(), fields.responsiblePerson(),
            fields.requirement(), fields.milestones(), fields.qualityStandard(), fields.issuingOffice()));
  }

  private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(String url) {
    return Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/migration");
  }

  /** A case as V9 knows it: only the columns it requires. */
  private static long oldCase(Connection c) throws SQLException {
    OffsetDateTime at = OffsetDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneOffset.ofHours(8));
    try (PreparedStatement s = c.prepareStatement("insert into supervision_case (version, case_number, case_year, "
        + "case_seq, source, title, content, leader_in_charge, lead_unit, co_units, responsible_person, "
        + "quality_checklist, original_deadline, deadline, deadline_at, initial_level, warning_level, stage_limit_at, "
        + "status, sign_for_days, yellow_days, red_days, report_interval_days, registered_at, sign_for_due_at) "
        + "values (0, '督〔2026〕1号', 2026, 1, 'LEADER_INSTRUCTION', '城区老旧小区改造', '完成城区12个老旧小区改造', "
        + "'wangfxz', 'zjj', 'fgj', 'zjj-lin', '改造方案经专家评审', ?, ?, ?, 'GREEN', 'GREEN', ?, 'OPEN', 1, 5, 3, 0, ?, ?)",
        new String[] {"id"})) {
      s.setObject(1, LocalDate.of(2026, 3, 20));
      s.setObject(2, LocalDate.of(2026, 3, 20));
      s.setObject(3, at.plusDays(18));
      s.setObject(4, at.plusDays(18));
      s.setObject(5, at);
      s.setObject(6, at.plusDays(1));
      s.executeUpdate();
      try (ResultSet key = s.getGeneratedKeys()) {
        key.next();
        return key.getLong(1);
      }
    }
  }

  private static long oldNotice(Connection c, long caseId, String kind, String body) throws SQLException {
    OffsetDateTime at = OffsetDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneOffset.ofHours(8));
    try (PreparedStatement s = c.prepareStatement("insert into case_notice (case_id, case_number, kind, addressee_unit, "
        + "issued_at, limit_at, escalated, body) values (?, '督〔2026〕1号', ?, '县住房和城乡建设局', ?, ?, false, ?)",
        new String[] {"id"})) {
      s.setLong(1, caseId);
      s.setString(2, kind);
      s.setObject(3, at);
      s.setObject(4, at.plusDays(18));
      s.setString(5, body);
      s.executeUpdate();
      try (ResultSet key = s.getGeneratedKeys()) {
        key.next();
        return key.getLong(1);
      }
    }
  }

  private static NoticeFieldsMigration.Fields fields(Connection c, long id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("select demand, co_units, responsible_person, requirement, "
        + "milestones, quality_standard, issuing_office from case_notice where id = ?")) {
      s.setLong(1, id);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return new NoticeFieldsMigration.Fields(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
            r.getString(5), r.getString(6), r.getString(7));
      }
    }
  }

  private static String body(Connection c, long id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("select body from case_notice where id = ?")) {
      s.setLong(1, id);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getString(1);
      }
    }
  }
}
