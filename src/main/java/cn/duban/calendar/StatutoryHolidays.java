package cn.duban.calendar;

import cn.duban.calendar.HolidaySchedule.Day;
import cn.duban.calendar.HolidaySchedule.Kind;
import com.nlf.calendar.Lunar;
import com.nlf.calendar.Solar;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * R25: the holidays of a year whose State Council notice is not out yet, as the 全国年节及纪念日放假办法
 * (revised 2024) fixes them: 元旦 1 day, 春节 4 days from 除夕, 清明 1, 劳动节 2 from 1 May, 端午 1,
 * 中秋 1, 国庆 3 from 1 October. The lunar festivals and the solar term 清明 come from the lunar
 * calendar library, never from a typed list. No make-up working days: those only the notice sets.
 */
public final class StatutoryHolidays {

  private StatutoryHolidays() {
  }

  public static HolidaySchedule of(int year) {
    Map<LocalDate, Day> days = new TreeMap<>();
    off(days, LocalDate.of(year, 1, 1), 1, "元旦");
    LocalDate springFestival = local(Lunar.fromYmd(year, 1, 1).getSolar());
    off(days, springFestival.minusDays(1), 4, "春节");
    off(days, local(Solar.fromYmd(year, 6, 1).getLunar().getJieQiTable().get("清明")), 1, "清明节");
    off(days, LocalDate.of(year, 5, 1), 2, "劳动节");
    off(days, local(Lunar.fromYmd(year, 5, 5).getSolar()), 1, "端午节");
    off(days, local(Lunar.fromYmd(year, 8, 15).getSolar()), 1, "中秋节");
    off(days, LocalDate.of(year, 10, 1), 3, "国庆节");
    return new HolidaySchedule(year, true, days);
  }

  /** {@code count} days off from {@code first}; a day two festivals share keeps both names. */
  private static void off(Map<LocalDate, Day> days, LocalDate first, int count, String name) {
    for (int i = 0; i < count; i++) {
      LocalDate d = first.plusDays(i);
      days.merge(d, new Day(d, Kind.OFF, name), (a, b) -> new Day(d, Kind.OFF, a.name() + "、" + b.name()));
    }
  }

  private static LocalDate local(Solar solar) {
    return LocalDate.of(solar.getYear(), solar.getMonth(), solar.getDay());
  }
}
