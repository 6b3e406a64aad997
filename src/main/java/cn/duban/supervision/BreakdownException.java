package cn.duban.supervision;

import cn.duban.common.InputException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * R29: a breakdown that cannot be registered, with every bad row's problems; nothing of it was
 * registered. The API answers 400 with them as {@code problems}.
 */
public class BreakdownException extends InputException {

  private static final int SHOWN_IN_MESSAGE = 5;

  private final transient List<BreakdownProblem> problems;

  public BreakdownException(String field, List<BreakdownProblem> problems) {
    super(field, summary(problems) + "（" + field + "）");
    this.problems = List.copyOf(problems);
  }

  private static String summary(List<BreakdownProblem> problems) {
    long rows = problems.stream().filter(p -> p.row() > 0).map(BreakdownProblem::row).distinct().count();
    String head = rows > 0 ? "任务分解有误（" + rows + "行），未登记任何事项：" : "任务分解有误，未登记任何事项：";
    String shown = problems.stream().limit(SHOWN_IN_MESSAGE).map(Object::toString).collect(Collectors.joining("；"));
    return head + shown + (problems.size() > SHOWN_IN_MESSAGE ? "等" + problems.size() + "处" : "");
  }

  public List<BreakdownProblem> problems() {
    return problems;
  }
}
