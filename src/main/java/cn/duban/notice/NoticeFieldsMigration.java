package cn.duban.notice;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Flyway V10: a notice keeps its fields as columns ({@link NoticeFields}), and every notice issued
 * before gets them from its flattened text, parsed here once so that no page ever parses it again.
 * The text column becomes unbounded too: a case's content and checklist may each be 4,000
 * characters, so the text of its notice did not fit the old 4,000.
 *
 * <p>A Java migration because the split needs more than the SQL that H2 and PostgreSQL share.
 * Spring Boot hands every {@code JavaMigration} bean to Flyway, where it runs in order with the SQL
 * files of {@code db/migration} (in one transaction on PostgreSQL). Like any migration it must
 * keep doing what it did on the day it was written: it uses plain JDBC and its own reading of the
 * text, nothing of the entity that may change later.
 */
@Component
public class NoticeFieldsMigration implements JavaMigration {

  private static final Logger LOG = LoggerFactory.getLogger(NoticeFieldsMigration.class);

  /** The rows, in the order {@code NoticeService} has written them since the three fixes (三定) were added. */
  private static final String CO_UNITS = "协办单位：";
  private static final String RESPONSIBLE = "责任人：";
  private static final String REQUIREMENT = "工作内容和要求：";
  private static final String MILESTONES = "关键节点：";
  private static final String QUALITY = "质量标准：";

  private final String defaultOffice;

  public NoticeFieldsMigration(@Value("${duban.notice.issuing-office:县委县政府督查室}") String defaultOffice) {
    this.defaultOffice = defaultOffice;
  }

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("10");
  }

  @Override
  public String getDescription() {
    return "notice fields";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    try (Statement ddl = connection.createStatement()) {
      // varchar without a length: unbounded on PostgreSQL, H2's largest on H2
      for (String column : List.of("demand", "co_units", "responsible_person", "requirement", "milestones",
          "quality_standard", "issuing_office")) {
        ddl.execute("alter table case_notice add column " + column + " varchar");
      }
      ddl.execute("alter table case_notice alter column body set data type varchar");
    }
    int filled = 0;
    int wholeText = 0;
    try (Statement read = connection.createStatement();
        ResultSet rows = read.executeQuery("select id, addressee_unit, body from case_notice");
        PreparedStatement write = connection.prepareStatement("update case_notice set demand = ?, co_units = ?, "
            + "responsible_person = ?, requirement = ?, milestones = ?, quality_standard = ?, issuing_office = ? "
            + "where id = ?")) {
      while (rows.next()) {
        long id = rows.getLong(1);
        Fields f = parse(rows.getString(3), rows.getString(2), defaultOffice);
        if (f.coUnits() == null && f.requirement() == null) {
          wholeText++;
          LOG.warn("V10: notice {} is not in a known layout; its page shows its whole text as one paragraph", id);
        }
        write.setString(1, f.demand());
        write.setString(2, f.coUnits());
        write.setString(3, f.responsiblePerson());
        write.setString(4, f.requirement());
        write.setString(5, f.milestones());
        write.setString(6, f.qualityStandard());
        write.setString(7, f.issuingOffice());
        write.setLong(8, id);
        write.addBatch();
        filled++;
      }
      if (filled > 0) {
        write.executeBatch();
      }
    }
    try (Statement ddl = connection.createStatement()) {
      ddl.execute("alter table case_notice alter column demand set not null");
      ddl.execute("alter table case_notice alter column issuing_office set not null");
    }
    if (filled > 0) {
      LOG.info("V10: the fields of {} notices taken from their text ({} kept whole)", filled, wholeText);
    }
  }

  /** What an old notice said, field by field; a row the notice did not have is null. */
  record Fields(String demand, String coUnits, String responsiblePerson, String requirement, String milestones,
      String qualityStandard, String issuingOffice) {
  }

  /**
   * Reads a notice's text as {@code NoticeService} wrote it:
   *
   * <pre>
   * 督查事项立项通知单
   * 督〔2026〕1号
   *
   * 县住房和城乡建设局：
   * 现将“…”列为督查事项，…于2026年3月20日前办结，并报送办结报告。
   *
   * 协办单位：县发展和改革局
   * 责任人：林晓东
   * 工作内容和要求：…           (the case's content: the one value that may run over several lines)
   * 关键节点：2026-03-10 方案评审；…
   * 质量标准：改造方案经专家评审；…
   *
   * 县委县政府督查室
   * 2026年3月2日
   * </pre>
   *
   * or in the first layout, whose only row was 工作内容和要求. Every value but the content is one
   * line (unit and person names, milestones and checklist items joined by "；"), so the rows are
   * told apart by their lines, never by a colon inside a value. Text in neither layout is kept
   * whole as the paragraph, so that nothing it said is lost.
   */
  static Fields parse(String body, String addressee, String defaultOffice) {
    String text = body.replace("\r\n", "\n");
    String office = defaultOffice;
    int date = text.lastIndexOf('\n');
    int officeLine = date < 1 ? -1 : text.lastIndexOf('\n', date - 1);
    if (officeLine > 0 && text.charAt(officeLine - 1) == '\n') {
      office = text.substring(officeLine + 1, date).strip();
      text = text.substring(0, officeLine - 1);
    }
    String to = "\n" + addressee + "：\n";
    int head = text.indexOf(to);
    String rest = head < 0 ? text : text.substring(head + to.length());

    int rows = rowsStart(rest);
    if (rows >= 0) {
      String demand = rest.substring(0, rows).strip();
      List<String> lines = Arrays.asList(rest.substring(rows + 2).split("\n", -1));
      int n = lines.size();
      if (n >= 5 && lines.get(0).startsWith(CO_UNITS) && lines.get(1).startsWith(RESPONSIBLE)
          && lines.get(2).startsWith(REQUIREMENT) && lines.get(n - 2).startsWith(MILESTONES)
          && lines.get(n - 1).startsWith(QUALITY)) {
        String requirement = String.join("\n", lines.subList(2, n - 2)).substring(REQUIREMENT.length());
        return new Fields(demand, value(lines.get(0), CO_UNITS), value(lines.get(1), RESPONSIBLE), requirement,
            value(lines.get(n - 2), MILESTONES), value(lines.get(n - 1), QUALITY), office);
      }
      if (lines.get(0).startsWith(REQUIREMENT)) {
        String requirement = String.join("\n", lines).substring(REQUIREMENT.length());
        return new Fields(demand, null, null, requirement, null, null, office);
      }
    }
    return new Fields(rest.strip(), null, null, null, null, null, office);
  }

  /** Where the rows begin: the first blank line followed by the first row of either layout. */
  private static int rowsStart(String rest) {
    int full = rest.indexOf("\n\n" + CO_UNITS);
    int first = rest.indexOf("\n\n" + REQUIREMENT);
    if (full < 0 || first >= 0 && first < full) {
      return first;
    }
    return full;
  }

  private static String value(String line, String label) {
    return line.substring(label.length());
  }
}
