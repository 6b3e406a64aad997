package cn.duban.assessment;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What the assessment office reviews in its task form (R21, R22): the ranking as a table, the
 * proposed grades counted (named where they are not 称职), those tied for the last 优秀 places,
 * the adjustments, and the full report's address. Long lists are cut: the report has them whole.
 */
@Component
public class AssessmentSummary {

  private final AssessmentService assessment;

  public AssessmentSummary(AssessmentService assessment) {
    this.assessment = assessment;
  }

  /** A string variable holds 4000 characters; the summary stays well below. */
  static final int SUMMARY_MAX = 3800;
  private static final int NAMES_MAX = 20;
  private static final int UNITS_MAX = 30;

  /** The summary of a year, in Markdown for the form's text view. */
  public String of(int year) {
    StringBuilder md = new StringBuilder("**单位排名**\n\n| 名次 | 单位 | 得分 | 档次 |\n|---|---|---|---|\n");
    List<UnitResult> units = assessment.units(year);
    for (int i = 0; i < units.size(); i++) {
      if (units.size() > UNITS_MAX && i == UNITS_MAX - 10) {
        md.append("| …… | 共").append(units.size()).append("个单位 | | |\n");
        i = units.size() - 10;
      }
      UnitResult u = units.get(i);
      md.append("| ").append(u.getRank()).append(" | ").append(u.getUnitName()).append(" | ")
          .append(u.getScore().stripTrailingZeros().toPlainString()).append(" | ").append(u.getTier().label())
          .append(" |\n");
    }
    List<PersonResult> people = assessment.people(year);
    Map<Grade, List<PersonResult>> byGrade = people.stream()
        .collect(Collectors.groupingBy(PersonResult::getGrade, () -> new EnumMap<>(Grade.class), Collectors.toList()));
    md.append("\n**拟定等次**：").append(Arrays.stream(Grade.values()).map(g -> {
      List<PersonResult> graded = byGrade.getOrDefault(g, List.of());
      return g.label() + " " + graded.size() + "人" + (g == Grade.COMPETENT || graded.isEmpty() ? ""
          : "（" + names(graded.stream().map(PersonResult::getPersonName).toList()) + "）");
    }).collect(Collectors.joining("；")));
    List<String> tied = people.stream()
        .filter(p -> p.getGrade() == Grade.COMPETENT && p.getReasons().contains(AssessmentService.REVIEW_CHOOSES))
        .map(PersonResult::getPersonName).toList();
    if (!tied.isEmpty()) {
      md.append("\n\n**同分争优秀名额，请选定**：").append(names(tied));
    }
    List<String> adjusted = people.stream().filter(p -> p.getAdjustReason() != null)
        .map(p -> p.getPersonName() + "调整为" + p.getGrade().label()).toList();
    if (!adjusted.isEmpty()) {
      md.append("\n\n**已调整**：").append(names(adjusted));
    }
    String report = "\n\n完整报告（可打印，可下载Excel）：/api/assessment/" + year + "/report";
    if (md.length() > SUMMARY_MAX - report.length()) {
      md.setLength(SUMMARY_MAX - report.length() - 10);
      md.append("……（未完）");
    }
    return md.append(report).toString();
  }

  private static String names(List<String> names) {
    return names.size() <= NAMES_MAX ? String.join("、", names)
        : String.join("、", names.subList(0, NAMES_MAX)) + "等" + names.size() + "人";
  }

}
