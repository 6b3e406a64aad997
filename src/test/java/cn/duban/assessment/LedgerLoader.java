package cn.duban.assessment;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A year of ledger bookings written straight into the table, as many as a test or a benchmark
 * needs: three in four on units, the rest on people, with the points of the case-score rules.
 */
public final class LedgerLoader {

  private static final String[][] RULES = {
      {"CLOSED_ON_TIME", "R7", "按期办结", "2"}, {"CLOSED_EARLY", "R7", "提前办结", "0.5"},
      {"EXCEEDS_STANDARD", "R7", "超标准完成", "1"}, {"YELLOW_NOTICE", "R4", "黄牌督办", "-1"},
      {"RED_NOTICE", "R5", "红牌督办", "-2"}, {"ACCOUNTABILITY", "R6", "问责", "-5"},
      {"CLOSURE_REJECTED", "R7", "办结未通过验收", "-1"}, {"VALID_COMPLAINT", "R19", "有效投诉", "-1"}};

  private static final String[][] PERSON_RULES = {
      {"HIGHLIGHT", "R23", "个人亮点工作", "2"}, {"CLOSED_ON_TIME", "R7", "按期办结", "1"},
      {"VALID_COMPLAINT", "R19", "有效投诉", "-2"}, {"REPRIMAND", "R14", "训诫", "-1"}};

  private LedgerLoader() {
  }

  /** Books {@code count} entries in {@code year}; returns each subject's total, keyed "UNIT:code" or "PERSON:id". */
  public static Map<String, BigDecimal> load(JdbcTemplate jdbc, int year, int count, List<String> unitCodes,
      List<String> personIds) {
    Map<String, BigDecimal> totals = new HashMap<>();
    List<Object[]> rows = new ArrayList<>();
    Random random = new Random(year);
    Timestamp bookedAt = Timestamp.from(Instant.parse(year + "-06-30T02:00:00Z"));
    for (int i = 0; i < count; i++) {
      boolean unit = i % 4 != 0;
      String subject = unit ? unitCodes.get(random.nextInt(unitCodes.size()))
          : personIds.get(random.nextInt(personIds.size()));
      // a person's entries, a few a year, balance out around the base: some above, some below
      String[] rule = unit ? RULES[random.nextInt(RULES.length)] : PERSON_RULES[random.nextInt(PERSON_RULES.length)];
      BigDecimal points = new BigDecimal(rule[3]);
      totals.merge((unit ? "UNIT:" : "PERSON:") + subject, points, BigDecimal::add);
      rows.add(new Object[] {"LOAD:" + year + ":" + i, year, unit ? "UNIT" : "PERSON", subject, rule[0], rule[1],
          rule[2], points, "SUPERVISION_CASE", "督〔" + year + "〕" + (i / 3 + 1) + "号", "GREEN", bookedAt});
      if (rows.size() == 5_000) {
        insert(jdbc, rows);
      }
    }
    insert(jdbc, rows);
    return totals;
  }

  private static void insert(JdbcTemplate jdbc, List<Object[]> rows) {
    jdbc.batchUpdate("insert into score_ledger (event_key, score_year, subject_type, subject_id, rule_code, rule_ref,"
        + " rule_label, points, source_type, source_id, stage, booked_at) values (?,?,?,?,?,?,?,?,?,?,?,?)", rows);
    rows.clear();
  }
}
