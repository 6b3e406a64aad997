package cn.duban.accountability;

import cn.duban.engine.Decisions;
import cn.duban.organization.PostChangeBar;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.duban.organization.SubjectKind;
/**
 * What final accountability measures mean for a person's annual grade and career (R13, R21, R24).
 * The annual assessment asks these questions; they read only final records of the year. Which
 * records cap which grade is the rule table {@code processes/rules/grade-caps.dmn} (R21), asked
 * once for each of a person's final records: every row that matches caps the grade.
 */
@Service
@Transactional(readOnly = true)
public class AccountabilityConsequences implements PostChangeBar {

  public static final String CAPS_DECISION = "grade-caps";

  /** R21: what a row of grade-caps.dmn does to a grade, mildest first; each includes the ones before. */
  public enum Cap {
    /** no 优秀, no awards */
    NO_EXCELLENT,
    /** not 称职 or better */
    NOT_COMPETENT,
    /** 不称职 */
    INCOMPETENT
  }

  private final AccountabilityRecordRepository records;
  private final Decisions decisions;

  public AccountabilityConsequences(AccountabilityRecordRepository records, Decisions decisions) {
    this.records = records;
    this.decisions = decisions;
  }

  /**
   * A person's grade caps for a year: whether 优秀 (and awards) is out of reach, whether 称职 or
   * better is, and whether the grade must be 不称职; with the reasons in Chinese.
   */
  public record GradeCaps(boolean excellentBarred, boolean competentBarred, boolean incompetent, List<String> reasons) {
  }

  public GradeCaps gradeCaps(String personId, int year) {
    return caps(decisions.table(CAPS_DECISION), finalRecords(personId, year));
  }

  /**
   * The final records of every person in a year and the year before, and the caps table, read
   * once: what the annual assessment asks of each person, without a query per person.
   */
  public PeopleOfYear peopleOfYear(int year) {
    return new PeopleOfYear(decisions.table(CAPS_DECISION), byPerson(year), byPerson(year - 1));
  }

  /** R21 R24 for each person of a year; see {@link #peopleOfYear}. */
  public static final class PeopleOfYear {

    private final Decisions.Table capsTable;
    private final Map<String, List<AccountabilityRecord>> finals;
    private final Map<String, List<AccountabilityRecord>> yearBefore;

    PeopleOfYear(Decisions.Table capsTable, Map<String, List<AccountabilityRecord>> finals,
        Map<String, List<AccountabilityRecord>> yearBefore) {
      this.capsTable = capsTable;
      this.finals = finals;
      this.yearBefore = yearBefore;
    }

    public GradeCaps gradeCaps(String personId) {
      return caps(capsTable, finals.getOrDefault(personId, List.of()));
    }

    public boolean rotationDue(String personId) {
      return hadTalk(finals.getOrDefault(personId, List.of())) && hadTalk(yearBefore.getOrDefault(personId, List.of()));
    }
  }

  private Map<String, List<AccountabilityRecord>> byPerson(int year) {
    return records.findBySubjectTypeAndYearAndStatusOrderById(SubjectKind.PERSON, year, AccountabilityStatus.FINAL)
        .stream().collect(Collectors.groupingBy(AccountabilityRecord::getSubjectId));
  }

  /** A row of the caps table that matched, and the records it matched. */
  private record Hit(Cap cap, String label, String ref, String source, List<String> records) {
  }

  /** R21: the caps of a person's final records of a year, by the rows of grade-caps.dmn. */
  static GradeCaps caps(Decisions.Table table, List<AccountabilityRecord> finals) {
    int directFaults = (int) finals.stream()
        .filter(r -> r.getSeverity() == Severity.GENERAL && Boolean.TRUE.equals(r.getDirectResponsibility())).count();
    Map<String, Hit> hits = new LinkedHashMap<>();
    for (AccountabilityRecord r : finals) {
      for (Map<String, Object> row : table.results(inputs(r, directFaults))) {
        Cap cap = cap(row.get("cap"));
        String label = (String) row.get("ruleLabel");
        hits.computeIfAbsent(cap + "|" + label, k -> new Hit(cap, label, (String) row.get("ruleRef"),
            (String) row.get("source"), new ArrayList<>())).records().add(describe(r));
      }
    }
    List<Hit> ordered = hits.values().stream().sorted(Comparator.comparing(Hit::cap)).toList();
    List<String> reasons = ordered.stream().map(h -> h.label() + "（" + String.join("；", h.records()) + "；"
        + h.ref() + (h.source() == null ? "" : "，依据" + h.source()) + "）").toList();
    Set<Cap> caps = ordered.stream().map(Hit::cap).collect(Collectors.toCollection(() -> EnumSet.noneOf(Cap.class)));
    boolean incompetent = caps.contains(Cap.INCOMPETENT);
    return new GradeCaps(!caps.isEmpty(), incompetent || caps.contains(Cap.NOT_COMPETENT), incompetent,
        new ArrayList<>(reasons));
  }

  /** What the caps table is asked about one final record; directFaults: the person's general faults with direct responsibility. */
  static Map<String, Object> inputs(AccountabilityRecord r, int directFaults) {
    Map<String, Object> in = new HashMap<>();
    in.put("measure", r.getFinalMeasure() == null ? null : r.getFinalMeasure().name());
    in.put("sanction", r.getFinalSanction() == null ? Sanction.NONE.name() : r.getFinalSanction().name());
    in.put("severity", r.getSeverity() == null ? null : r.getSeverity().name());
    in.put("directResponsibility", Boolean.TRUE.equals(r.getDirectResponsibility()));
    in.put("directFaults", directFaults);
    return in;
  }

  private static Cap cap(Object value) {
    try {
      return Cap.valueOf(String.valueOf(value));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(CAPS_DECISION + ".dmn answers the cap " + value + "; known are "
          + List.of(Cap.values()), e);
    }
  }

  /** A record as the reasons name it: "诫勉谈话、警告处分". */
  private static String describe(AccountabilityRecord r) {
    return (r.getFinalMeasure() == null ? "问责" : r.getFinalMeasure().label())
        + (r.getFinalSanction() == null || r.getFinalSanction() == Sanction.NONE ? "" : "、" + r.getFinalSanction().label() + "处分");
  }

  /** R13: a unit head whose unit is under rectification may not be transferred or promoted. */
  public boolean transferOrPromotionBarred(String personId) {
    return rectificationOf(personId).isPresent();
  }

  /**
   * R13: a unit under rectification: its head, who may not be transferred or promoted until the
   * rectification is accepted, since when, and the procedure that ordered it.
   */
  public record Rectification(String unitCode, String unitName, String headId, Instant since, String measure,
      String sourceCase, String processInstanceId) {

    /** The bar as the pages and the refusal say it. */
    public String text() {
      return unitName + "正在整改（" + measure + (sourceCase == null ? "" : "，" + sourceCase) + "），整改验收通过前单位主要负责人不得调动或提拔";
    }
  }

  /** R13: the rectification that bars the person's transfer or promotion, if any. */
  public Optional<Rectification> rectificationOf(String personId) {
    return records.findByRectifyingHeadAndStatus(personId, AccountabilityStatus.FINAL).stream()
        .filter(AccountabilityRecord::underRectification).findFirst().map(AccountabilityConsequences::rectification);
  }

  /** R13: every unit under rectification now. */
  public List<Rectification> underRectification() {
    return records.findByStatusAndRectifyingHeadIsNotNullAndRectificationAcceptedAtIsNullOrderById(
        AccountabilityStatus.FINAL).stream().map(AccountabilityConsequences::rectification).toList();
  }

  private static Rectification rectification(AccountabilityRecord r) {
    return new Rectification(r.getSubjectId(), r.getSubjectName(), r.getRectifyingHead(), r.getFinalAt(),
        r.getFinalMeasure().label(), r.getSourceCase(), r.getProcessInstanceId());
  }

  /** R13: the organisation refuses the post change of a head whose unit is under rectification. */
  @Override
  public Optional<String> refusal(String personId) {
    return rectificationOf(personId).map(r -> "不能调整该人员的岗位：" + r.text() + "（R13）");
  }

  /** R24: an admonishment talk in this year and in the year before: rotation or demotion is due. */
  public boolean rotationDue(String personId, int year) {
    return hadTalk(finalRecords(personId, year)) && hadTalk(finalRecords(personId, year - 1));
  }

  private static boolean hadTalk(List<AccountabilityRecord> finals) {
    return finals.stream().anyMatch(r -> r.getFinalMeasure() == Measure.ADMONISHMENT_TALK);
  }

  private List<AccountabilityRecord> finalRecords(String personId, int year) {
    return records.findBySubjectTypeAndSubjectIdAndYearAndStatusOrderById(SubjectKind.PERSON, personId, year,
        AccountabilityStatus.FINAL);
  }
}
