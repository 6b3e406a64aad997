package cn.duban.assessment;

import static cn.duban.common.Inputs.choice;
import static cn.duban.common.Inputs.text;
import static cn.duban.common.Inputs.wholeNumber;

import cn.duban.accountability.AccountabilityConsequences;
import cn.duban.accountability.AccountabilityConsequences.GradeCaps;
import cn.duban.accountability.AccountabilityConsequences.PeopleOfYear;
import cn.duban.engine.Decisions;
import cn.duban.calendar.LimitClock;
import cn.duban.common.InputException;
import cn.duban.complaint.ComplaintService;
import cn.duban.organization.OrganizationService;
import cn.duban.organization.Person;
import cn.duban.organization.Role;
import cn.duban.organization.Unit;
import cn.duban.supervision.SupervisionService;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.duban.ledger.Ledger;
import cn.duban.ledger.LedgerEntry;
import cn.duban.ledger.SubjectType;
import cn.duban.ledger.LedgerRepository;
/**
 * R20–R24, R27: a year's scores, ranks, tiers and grades from the ledger and the caps that
 * accountability and complaints impose; the review, the publication, and what follows from them.
 */
@Service
@Transactional(noRollbackFor = InputException.class)
public class AssessmentService {

  static final String GRADE_DECISION = "annual-grade";

  /** In the reasons of those tied for the last 优秀 places, among whom the review chooses. */
  static final String REVIEW_CHOOSES = "由考核办审核确定";

  /** R24: what the organisation does about a 基本称职 or 不称职 grade. */
  public enum FollowUp {
    OFF_POST_TRAINING("待岗培训"),
    ORGANISATIONAL_TALK("组织谈话"),
    ORGANISATIONAL_MEASURE("组织处理（调整岗位、降职等）");

    private final String label;

    FollowUp(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private final AssessmentYearRepository years;
  private final UnitResultRepository unitResults;
  private final PersonResultRepository personResults;
  private final LedgerRepository ledger;
  private final Ledger books;
  private final FrontLineRecordRepository frontLine;
  private final OrganizationService organization;
  private final AccountabilityConsequences accountability;
  private final ComplaintService complaints;
  private final SupervisionService supervision;
  private final Decisions decisions;
  private final LimitClock clock;
  private final AssessmentProperties properties;

  public AssessmentService(AssessmentYearRepository years, UnitResultRepository unitResults,
      PersonResultRepository personResults, LedgerRepository ledger, Ledger books, FrontLineRecordRepository frontLine,
      OrganizationService organization, AccountabilityConsequences accountability, ComplaintService complaints,
      SupervisionService supervision, Decisions decisions, LimitClock clock, AssessmentProperties properties) {
    this.years = years;
    this.unitResults = unitResults;
    this.personResults = personResults;
    this.ledger = ledger;
    this.books = books;
    this.frontLine = frontLine;
    this.organization = organization;
    this.accountability = accountability;
    this.complaints = complaints;
    this.supervision = supervision;
    this.decisions = decisions;
    this.clock = clock;
    this.properties = properties;
  }

  // ---------------------------------------------------------------- computing a year

  /**
   * Computes (or recomputes, while still a draft) the year's results; a published year is refused.
   * A recomputation keeps the review's adjustments that the new results still allow.
   */
  /**
   * The year to assess: as the start form names it, else (started by the timer on 15 January) the
   * year that just ended. A year still running has bookings to come: its results could not be final.
   */
  public int yearToAssess(Object input) {
    int lastYear = clock.today().getYear() - 1;
    int year = wholeNumber(AssessmentVariables.YEAR, input, lastYear, Integer.MIN_VALUE, Integer.MAX_VALUE, "考核年度");
    if (year < 2000 || year > lastYear) {
      throw new InputException(AssessmentVariables.YEAR,
          "考核年度须是2000年至" + lastYear + "年间已结束的年度（" + AssessmentVariables.YEAR + "）");
    }
    return year;
  }

  public AssessmentYear compute(int year) {
    AssessmentYear record = years.findById(year).orElse(null);
    if (record != null && record.published()) {
      throw new InputException("assessmentYear", year + "年度考核结果已发布，不能重新计算（assessmentYear）");
    }
    List<PersonResult> adjusted = List.of();
    if (record == null) {
      record = years.saveAndFlush(new AssessmentYear(year, properties.baseScore(), clock.now()));
    } else {
      adjusted = people(year).stream().filter(p -> p.getAdjustReason() != null).toList();
      record.recomputed(properties.baseScore(), clock.now());
      unitResults.deleteByYear(year);
      personResults.deleteByYear(year);
      personResults.flush();
    }
    Map<SubjectType, Map<String, BigDecimal>> totals = totals(year);
    unitResults.saveAll(rankUnits(year, totals.getOrDefault(SubjectType.UNIT, Map.of())));
    personResults.saveAll(gradePeople(year, totals.getOrDefault(SubjectType.PERSON, Map.of()),
        decisions.table(GRADE_DECISION)));
    for (PersonResult a : adjusted) {
      try {
        adjustGrade(year, a.getPersonId(), a.getGrade().name(), a.getAdjustReason(), a.getAdjustedBy());
      } catch (InputException stale) {
        personResults.findByYearAndPersonId(year, a.getPersonId()).ifPresent(p -> p.limitTo(p.getGrade(),
            "重新计算后，原审核调整（" + a.getGrade().label() + "）不再允许：" + stale.getMessage()));
      }
    }
    return record;
  }

  /** R22: units by score, in tiers; units with equal scores share a rank and a tier. */
  List<UnitResult> rankUnits(int year, Map<String, BigDecimal> totals) {
    List<Unit> units = organization.allUnits();
    List<BigDecimal> scores = units.stream().map(u -> score(totals, u.getCode())).toList();
    List<Placing> placings = place(scores, properties.goodTierShare(), properties.poorTierCount());
    List<UnitResult> results = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      results.add(new UnitResult(year, units.get(i).getCode(), units.get(i).getName(), scores.get(i),
          placings.get(i).rank(), placings.get(i).tier()));
    }
    return results;
  }

  /** A score's rank (1 + how many scored better) and tier. */
  record Placing(int rank, Tier tier) {
  }

  /**
   * R22: ranks and tiers of scores, in their order. The best {@code goodShare} (at least one) are
   * 好, the last {@code poorCount} are 差; equal scores fall on the same side of every cut.
   */
  static List<Placing> place(List<BigDecimal> scores, double goodShare, int poorCount) {
    int good = Math.max(1, (int) Math.floor(scores.size() * goodShare + 1e-9));
    return scores.stream().map(s -> {
      long better = scores.stream().filter(x -> x.compareTo(s) > 0).count();
      long worse = scores.stream().filter(x -> x.compareTo(s) < 0).count();
      Tier tier = better < good ? Tier.GOOD : worse < poorCount ? Tier.POOR : Tier.MIDDLE;
      return new Placing((int) better + 1, tier);
    }).toList();
  }

  /** R21: each person's grade from the grade table and the caps, then the 优秀 quota per unit. */
  List<PersonResult> gradePeople(int year, Map<String, BigDecimal> totals, Decisions.Table grades) {
    // R27: the days of the year; a stay across New Year counts its days in each year
    LocalDate first = LocalDate.of(year, 1, 1);
    LocalDate last = LocalDate.of(year, 12, 31);
    Map<String, Integer> days = new HashMap<>();
    for (FrontLineRecord f : frontLine.findByStartDateBetween(first.minusDays(FrontLineRecord.MAX_DAYS), last)) {
      days.merge(f.getPersonId(), f.daysWithin(first, last), Integer::sum);
    }
    // everyone's records of the year read at once, the grade table looked up once: the result
    // stores each grade with its rule's label and reference, the record the office reads
    PeopleOfYear records = accountability.peopleOfYear(year);
    Map<String, Long> validComplaints = complaints.validComplaintsByPerson(year);
    List<PersonResult> results = new ArrayList<>();
    for (Person p : organization.allPeople()) {
      BigDecimal s = score(totals, p.getId());
      GradeCaps caps = withComplaints(records.gradeCaps(p.getId()), validComplaints.getOrDefault(p.getId(), 0L));
      List<String> reasons = new ArrayList<>(caps.reasons());
      Map<String, Object> r = grades.firstResult(Map.of("score", s.doubleValue(),
          "excellentBarred", caps.excellentBarred(), "competentBarred", caps.competentBarred(),
          "incompetent", caps.incompetent()))
          .orElseThrow(() -> new IllegalStateException("the grade table has no rule for " + p.getId()));
      Grade grade = Grade.valueOf((String) r.get("grade"));
      reasons.add(0, r.get("ruleLabel") + "（" + r.get("ruleRef") + "）");
      Integer target = frontLineTarget(p);
      results.add(new PersonResult(year, p.getId(), p.getName(), p.getUnitCode(), s, grade,
          String.join("；", reasons), target == null ? null : days.getOrDefault(p.getId(), 0), target,
          records.rotationDue(p.getId())));
    }
    applyExcellentQuota(results);
    return results;
  }

  /** R19 R21: what accountability and valid complaints allow a person's grade to be. */
  private GradeCaps caps(String personId, int year) {
    return withComplaints(accountability.gradeCaps(personId, year), complaints.validComplaintsAgainst(personId, year));
  }

  private static GradeCaps withComplaints(GradeCaps caps, long validComplaints) {
    if (validComplaints < 2) {
      return caps;
    }
    List<String> reasons = new ArrayList<>(caps.reasons());
    reasons.add("一年内" + validComplaints + "件有效投诉，不得评为称职及以上");
    return new GradeCaps(caps.excellentBarred(), true, caps.incompetent(), reasons);
  }

  /** The best grade the caps allow. */
  private static Grade ceiling(GradeCaps caps) {
    return caps.incompetent() ? Grade.INCOMPETENT
        : caps.competentBarred() ? Grade.BASICALLY_COMPETENT
        : caps.excellentBarred() ? Grade.COMPETENT
        : Grade.EXCELLENT;
  }

  /**
   * R21: at most {@code excellentShare} of each unit's people are 优秀, taken by score. People
   * with equal scores are taken or left together, so the cut never falls between equals; below a
   * tie that did not fit, nobody is taken. The review may then choose among such a tie. R32: the
   * people of units too small for a place of their own share places counted on all of them.
   */
  void applyExcellentQuota(List<PersonResult> results) {
    for (QuotaGroup group : quotaGroups(results)) {
      int quota = group.quota();
      List<PersonResult> candidates = group.people().stream().filter(r -> r.getGrade() == Grade.EXCELLENT)
          .sorted(Comparator.comparing(PersonResult::getScore).reversed()).toList();
      int taken = 0;
      boolean full = false;
      for (int i = 0; i < candidates.size(); ) {
        BigDecimal s = candidates.get(i).getScore();
        List<PersonResult> equal = candidates.stream().filter(c -> c.getScore().compareTo(s) == 0).toList();
        if (!full && taken + equal.size() <= quota) {
          taken += equal.size();
        } else {
          String why = full || taken == quota
              ? "优秀名额已满（" + group.scope() + "）"
              : "同分" + equal.size() + "人争剩余" + (quota - taken) + "个优秀名额，" + REVIEW_CHOOSES + "（"
                  + group.scope() + "）";
          equal.forEach(c -> c.limitTo(Grade.COMPETENT, why));
          full = true;
        }
        i += equal.size();
      }
    }
  }

  /** People who share 优秀 places, how many places, and how the reasons name them. */
  record QuotaGroup(List<PersonResult> people, int quota, String scope) {
  }

  /**
   * R21 R32: each unit's people share its places; with {@code poolSmallUnits}, the people of every
   * unit whose share rounds down to nobody (fewer than 5 people at 20%) share the places counted
   * on all of them together, at the county level.
   */
  List<QuotaGroup> quotaGroups(List<PersonResult> results) {
    List<QuotaGroup> groups = new ArrayList<>();
    List<PersonResult> pool = new ArrayList<>();
    for (List<PersonResult> unit : byUnit(results).values()) {
      int quota = excellentQuota(unit.size());
      if (quota == 0 && properties.poolSmallUnits()) {
        pool.addAll(unit);
      } else {
        groups.add(new QuotaGroup(unit, quota, "本单位" + unit.size() + "人，名额" + quota + "人"));
      }
    }
    if (!pool.isEmpty()) {
      int quota = excellentQuota(pool.size());
      groups.add(new QuotaGroup(pool, quota, "本单位人数不足一个优秀名额，县级统筹：共" + pool.size() + "人，名额"
          + quota + "人"));
    }
    return groups;
  }

  private static Map<String, List<PersonResult>> byUnit(List<PersonResult> results) {
    return results.stream().collect(Collectors.groupingBy(r -> Objects.requireNonNullElse(r.getUnitCode(), ""),
        TreeMap::new, Collectors.toList()));
  }

  private int excellentQuota(int people) {
    return (int) Math.floor(people * properties.excellentShare() + 1e-9);
  }

  private Integer frontLineTarget(Person p) {
    return p.getRoles().stream().map(role -> properties.frontLineTargets().get(role)).filter(Objects::nonNull)
        .max(Integer::compare).orElse(null);
  }

  /** A year's results as they would be, stored nowhere: the units ranked and the people graded. */
  record Projection(List<UnitResult> units, List<PersonResult> people) {
  }

  /**
   * The year's ranking and grades from given totals (the ledger's, or the rule preview's) and a
   * version of the grade table, computed as {@link #compute} computes them and stored nowhere.
   */
  @Transactional(readOnly = true)
  Projection project(int year, Map<SubjectType, Map<String, BigDecimal>> totals, Decisions.Table grades) {
    return new Projection(rankUnits(year, totals.getOrDefault(SubjectType.UNIT, Map.of())),
        gradePeople(year, totals.getOrDefault(SubjectType.PERSON, Map.of()), grades));
  }

  /** A year's totals of units and of people, in one pass over the year's entries. */
  Map<SubjectType, Map<String, BigDecimal>> totals(int year) {
    Map<SubjectType, Map<String, BigDecimal>> totals = new EnumMap<>(SubjectType.class);
    for (Object[] row : ledger.totals(year)) {
      totals.computeIfAbsent((SubjectType) row[0], t -> new HashMap<>()).put((String) row[1], (BigDecimal) row[2]);
    }
    return totals;
  }

  private BigDecimal score(Map<String, BigDecimal> totals, String subject) {
    return properties.baseScore().add(totals.getOrDefault(subject, BigDecimal.ZERO));
  }

  // ---------------------------------------------------------------- review and publication

  public PersonResult adjustGrade(int year, String personId, String grade, String reason, String by) {
    requireDraft(year);
    PersonResult r = personResults.findByYearAndPersonId(year, personId == null ? "" : personId).orElseThrow(
        () -> new InputException("adjustPerson", "请选择要调整等次的人员（adjustPerson）"));
    Grade adjusted = choice(Grade.class, "adjustGrade", grade, "请选择调整后的等次");
    // neither what accountability and complaints rule out nor the 优秀 quota can be reviewed away
    Grade ceiling = ceiling(caps(personId, year));
    if (adjusted.compareTo(ceiling) < 0) {
      throw new InputException("adjustGrade", r.getPersonName() + "最高只能评为" + ceiling.label() + "："
          + r.getReasons() + "（adjustGrade）");
    }
    if (adjusted == Grade.EXCELLENT && r.getGrade() != Grade.EXCELLENT) {
      QuotaGroup group = quotaGroups(people(year)).stream()
          .filter(g -> g.people().stream().anyMatch(p -> p.getPersonId().equals(r.getPersonId())))
          .findFirst().orElseThrow();
      if (group.people().stream().filter(p -> p.getGrade() == Grade.EXCELLENT).count() >= group.quota()) {
        throw new InputException("adjustGrade", "优秀名额已满（" + group.scope() + "），请先将另一人调整为称职（adjustGrade）");
      }
    }
    r.adjust(adjusted, text("adjustReason", reason, "调整理由", 2000), by);
    return r;
  }

  /**
   * The results become final: published and closed, never computed again. Refused while points
   * were booked into the year after it was computed: the draft would not be the year's result.
   */
  public AssessmentYear publish(int year, String by) {
    AssessmentYear record = requireDraft(year);
    if (ledger.existsByYearAndBookedAtAfter(year, record.getComputedAt())) {
      throw new InputException("reviewAction", year + "年度计算后又有新的记分，请先重新计算，再审核发布（reviewAction）");
    }
    record.publish(clock.now(), by);
    books.close(year, clock.now(), by);
    return record;
  }

  private AssessmentYear requireDraft(int year) {
    AssessmentYear record = years.findById(year)
        .orElseThrow(() -> new InputException("assessmentYear", year + "年度尚未计算（assessmentYear）"));
    if (record.published()) {
      throw new InputException("assessmentYear", year + "年度考核结果已发布，不能修改（assessmentYear）");
    }
    return record;
  }

  // ---------------------------------------------------------------- what follows (R22, R24)

  /** R22: the units of the last tier, who write a self-examination and whose heads are interviewed. */
  public List<String> poorUnits(int year) {
    return unitResults.findByYearOrderByRankAscUnitCodeAsc(year).stream().filter(r -> r.getTier() == Tier.POOR)
        .map(UnitResult::getUnitCode).toList();
  }

  /** R24: the people graded 基本称职 or 不称职. */
  public List<String> followUpPeople(int year) {
    return personResults.findByYearOrderByUnitCodeAscScoreDescPersonIdAsc(year).stream()
        .filter(r -> r.getGrade() == Grade.BASICALLY_COMPETENT || r.getGrade() == Grade.INCOMPETENT)
        .map(PersonResult::getPersonId).toList();
  }

  public UnitResult recordSelfExamination(int year, String unit, String text) {
    UnitResult r = unitResult(year, unit);
    r.selfExamined(text("selfExamination", text, "书面检查", 4000));
    return r;
  }

  /**
   * R22: the head's interview; another one within the twelve months before (over a slow case, R9,
   * or after last year's assessment) flags the post for adjustment.
   */
  public UnitResult recordHeadInterview(int year, String unit, String note) {
    UnitResult r = unitResult(year, unit);
    Instant now = clock.now();
    Instant since = now.atZone(clock.zone()).minusYears(1).toInstant();
    long earlier = supervision.headInterviews(unit, since, now) + unitResults.findByUnitCode(unit).stream()
        .filter(o -> o.getYear() != year && o.getHeadInterviewedAt() != null && o.getHeadInterviewedAt().isAfter(since))
        .count();
    r.headInterviewed(text("headInterview", note, "约谈情况", 2000), now, earlier >= 1);
    return r;
  }

  /** R24: the measure for a low grade; organisational talks two years running make rotation due. */
  public PersonResult recordFollowUp(int year, String personId, String measure, String note) {
    PersonResult r = personResults.findByYearAndPersonId(year, personId)
        .orElseThrow(() -> new IllegalStateException("no result for " + personId + " in " + year));
    FollowUp m = choice(FollowUp.class, "followUpMeasure", measure, "请选择处理措施");
    boolean talkLastYear = personResults.findByYearAndPersonId(year - 1, personId)
        .map(last -> FollowUp.ORGANISATIONAL_TALK.name().equals(last.getFollowUpMeasure())).orElse(false);
    r.followedUp(m.name(), text("followUpNote", note, "处理情况", 2000),
        m == FollowUp.ORGANISATIONAL_TALK && talkLastYear);
    return r;
  }

  private UnitResult unitResult(int year, String unit) {
    return unitResults.findByYearAndUnitCode(year, unit)
        .orElseThrow(() -> new IllegalStateException("no result for " + unit + " in " + year));
  }

  // ---------------------------------------------------------------- reading

  public Optional<AssessmentYear> findYear(int year) {
    return years.findById(year);
  }

  public List<UnitResult> units(int year) {
    return unitResults.findByYearOrderByRankAscUnitCodeAsc(year);
  }

  public List<PersonResult> people(int year) {
    return personResults.findByYearOrderByUnitCodeAscScoreDescPersonIdAsc(year);
  }

  /** A unit's score sheet: every entry of the year, with its rule, points, source and date. */
  public List<LedgerEntry> scoreSheet(int year, String unit) {
    return ledger.findByYearAndSubjectTypeAndSubjectIdOrderByBookedAtAscIdAsc(year, SubjectType.UNIT, unit);
  }

  /** The entries of one rule, or of one source case, summed. */
  public record Subtotal(String label, int entries, BigDecimal points) {
  }

  /** Why a unit has its score: its entries summed by rule and by source case. */
  public record Breakdown(List<Subtotal> byRule, List<Subtotal> bySource, BigDecimal total) {
  }

  public Breakdown breakdown(int year, String unit) {
    List<LedgerEntry> sheet = scoreSheet(year, unit);
    return new Breakdown(subtotals(sheet, AssessmentService::ruleLabel), subtotals(sheet, AssessmentService::sourceLabel),
        sheet.stream().map(LedgerEntry::getPoints).reduce(BigDecimal.ZERO, BigDecimal::add));
  }

  private static List<Subtotal> subtotals(List<LedgerEntry> sheet, Function<LedgerEntry, String> label) {
    Map<String, List<LedgerEntry>> groups = sheet.stream()
        .collect(Collectors.groupingBy(label, TreeMap::new, Collectors.toList()));
    return groups.entrySet().stream().map(g -> new Subtotal(g.getKey(), g.getValue().size(),
        g.getValue().stream().map(LedgerEntry::getPoints).reduce(BigDecimal.ZERO, BigDecimal::add))).toList();
  }

  /** "R7 按期办结": the rule, without what a single entry adds to its label (a highlight's title). */
  public static String ruleLabel(LedgerEntry e) {
    String label = e.getRuleLabel();
    int detail = label.indexOf('：');
    return e.getRuleRef() + " " + (detail < 0 ? label : label.substring(0, detail));
  }

  /** Where an entry comes from, as people name it: the case number, the complaint's tracking code. */
  public static String sourceLabel(LedgerEntry e) {
    return switch (e.getSourceType()) {
      case "SUPERVISION_CASE" -> "督办事项" + e.getSourceId();
      case "COMPLAINT" -> "投诉" + e.getSourceId();
      case "ACCOUNTABILITY" -> "问责记录" + e.getSourceId()
          + (e.getStage() != null && e.getStage().startsWith("督") ? "（" + e.getStage() + "）" : "");
      case "HIGHLIGHT" -> "亮点工作" + e.getStage();
      default -> e.getSourceType() + " " + e.getSourceId();
    };
  }
}
