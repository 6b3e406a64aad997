package cn.duban.calendar;

import cn.duban.common.InputException;
import java.util.List;
import java.util.stream.Collectors;

/** A holiday table that cannot be taken: every problem with its line, in Chinese; nothing is stored. */
public class HolidayTableException extends InputException {

  private final transient List<HolidaySchedule.Problem> problems;

  public HolidayTableException(int year, List<HolidaySchedule.Problem> problems) {
    super("table", year + "年节假日安排有误，未保存：" + problems.stream().map(Object::toString)
        .collect(Collectors.joining("；")) + "（table）");
    this.problems = List.copyOf(problems);
  }

  public List<HolidaySchedule.Problem> problems() {
    return problems;
  }
}
