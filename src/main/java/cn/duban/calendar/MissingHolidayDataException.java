package cn.duban.calendar;

import cn.duban.common.InputException;

/**
 * A limit reached a year whose holiday arrangement nobody has entered yet. Counting only weekends
 * would silently give wrong deadlines, so the calculation stops here and says what to do. Where a
 * person's action needs the limit, the action is refused with this message (400, like bad input:
 * nothing is stored and nothing is stuck); where a timer's job needs it, the job fails and ends as
 * an incident in Cockpit, to be retried once the file is in place. Either way it is logged.
 */
public class MissingHolidayDataException extends InputException {

  private final int year;

  public MissingHolidayDataException(int year, String holidayDir) {
    super("holidays", year + "年节假日安排尚未录入，无法按工作日计算时限。请管理员在 " + holidayDir + "/" + year
        + ".txt 中登记国务院办公厅公布的" + year + "年放假和调休安排后重试。"
        + " (No holiday data for " + year + ": add " + holidayDir + "/" + year + ".txt)");
    this.year = year;
  }

  public int year() {
    return year;
  }
}
