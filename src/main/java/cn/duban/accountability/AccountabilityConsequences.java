package cn.duban.accountability;

import cn.duban.organization.PostChangeBar;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
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
 * The annual assessment asks these questions; they read only final records of the year.
 */
@Service
@Transactional(readOnly = true)
public class AccountabilityConsequences implements PostChangeBar {

  /** R21: sanctions after which a person cannot be graded 称职 or better. */
  static final Set<Sanction> CAPPING_SANCTIONS =
      EnumSet.of(Sanction.WARNING, Sanction.DEMERIT, Sanction.MAJOR_DEMERIT, Sanction.DOWNGRADE);
  /** R21: general faults with direct responsibility in a year that cap the grade the same way. */
  static final int CAPPING_GENERAL_FAULTS = 3;

  private final AccountabilityRecordRepository records;

  public AccountabilityConsequences(AccountabilityRecordRepository records) {
    this.records = records;
  }

  /**
   * A person's grade caps for a year: whether 优秀 (and awards) is out of reach, whether 称职 or
   * better is, and whether the grade must be 不称职; with the reasons in Chinese.
   */
  public record GradeCaps(boolean excellentBarred, boolean competentBarred, boolean incompetent, List<String> reasons) {
  }

  public GradeCaps gradeCaps(String personId, int year) {
    return caps(finalRecords(personId, year));
  }

  /**
   * The final records of every person in a year and the year before, read once: what the annual
   * assessment asks of each person, without a query per person.
   */
  public PeopleOfYear peopleOfYear(int year) {
    return new PeopleOfYear(byPerson(year), byPerson(year - 1));
  }

  /** R21 R24 for each person of a year; see {@link #peopleOfYear}. */
  public static final class PeopleOfYear {

    private final Map<String, List<AccountabilityRecord>> finals;
    private final Map<String, List<AccountabilityRecord>> yearBefore;

    PeopleOfYear(Map<String, List<AccountabilityRecord>> finals, Map<String, List<AccountabilityRecord>> yearBefore) {
      this.finals = finals;
      this.yearBefore = yearBefore;
    }

    public GradeCaps gradeCaps(String personId) {
      return caps(finals.getOrDefault(personId, List.of()));
    }

    public boolean rotationDue(String personId) {
      return hadTalk(finals.getOrDefault(personId, List.of())) && hadTalk(yearBefore.getOrDefault(personId, List.of()));
    }
  }

  private Map<String, List<AccountabilityRecord>> byPerson(int year) {
    return records.findBySubjectTypeAndYearAndStatusOrderById(SubjectKind.PERSON, year, AccountabilityStatus.FINAL)
        .stream().collect(Collectors.groupingBy(AccountabilityRecord::getSubjectId));
  }

  private static GradeCaps caps(List<AccountabilityRecord> finals) {
    List<String> reasons = new ArrayList<>();
    boolean competentBarred = false;
    boolean incompetent = false;
    for (AccountabilityRecord r : finals) {
      String what = r.getFinalMeasure().label() + (r.getFinalSanction() == null ? "" : "、" + r.getFinalSanction().label());
      reasons.add("受到问责（" + what + "），不得评为优秀");
      if (r.getFinalSanction() != null && CAPPING_SANCTIONS.contains(r.getFinalSanction())) {
        competentBarred = true;
        reasons.add("受到" + r.getFinalSanction().label() + "处分，不得评为称职及以上");
      }
      if (r.getFinalMeasure() == Measure.CIRCULATED_CRITICISM) {
        competentBarred = true;
        reasons.add("受到通报批评，不得评为称职及以上");
      }
      if (r.getFinalSanction() == Sanction.REMOVAL || r.getFinalMeasure() == Measure.DISMISSAL_DEMOTION) {
        incompetent = true;
        reasons.add("被" + (r.getFinalSanction() == Sanction.REMOVAL ? "撤职" : "免职降职") + "，评为不称职");
      }
    }
    long generalFaults = finals.stream()
        .filter(r -> r.getSeverity() == Severity.GENERAL && Boolean.TRUE.equals(r.getDirectResponsibility())).count();
    if (generalFaults >= CAPPING_GENERAL_FAULTS) {
      competentBarred = true;
      reasons.add("一年内" + generalFaults + "次负直接责任的一般过错，不得评为称职及以上");
    }
    return new GradeCaps(!finals.isEmpty(), competentBarred || incompetent, incompetent, reasons);
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
