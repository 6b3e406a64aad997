package cn.duban.supervision;

import cn.duban.organization.InstanceViewers;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * R34: what 督办看板, the 台账 page and the bulletin draw: the cases registered in each of twelve
 * months by the warning level they reached (a stacked bar chart), and each lead unit's share of
 * closures on time (a bar chart). Computed from the cases as they are, off the cases' own
 * transactions.
 *
 * @param months the twelve months, oldest first, as {@code 2026-03}
 * @param byLevel per warning level, the cases registered in each month that are at (or ended at) that level
 * @param onTimeByUnit per lead unit with a closure in the window, the closures and those on time
 */
public record CaseCharts(List<String> months, List<LevelSeries> byLevel, List<UnitRate> onTimeByUnit) {

  /** The colours of the levels, as on the notices and 督办看板. */
  static final Map<WarningLevel, String> COLOURS = Map.of(WarningLevel.GREEN, "#1b7f3b", WarningLevel.YELLOW,
      "#b8860b", WarningLevel.RED, "#c00000", WarningLevel.ACCOUNTABILITY, "#6b1d1d");

  public record LevelSeries(String level, String label, String colour, List<Integer> counts) {
  }

  /** {@code rate}: the percentage closed on time, rounded; null without a closure. */
  public record UnitRate(String unit, String unitName, int closed, int onTime, Integer rate) {
  }

  /**
   * What the charts count of a case, and the columns that say who may read it: read as a row, a
   * year of cases is counted without loading them (督办看板's charts).
   */
  public record Row(CaseStatus status, WarningLevel warningLevel, Instant registeredAt, Instant closedAt,
      String leadUnit, Boolean closedOnTime, String processInstanceId, String coUnits, String formerLeadUnits,
      String leaderInCharge, String responsiblePerson, String instructingLeader) {

    static Row of(SupervisionCase c) {
      return new Row(c.getStatus(), c.getWarningLevel(), c.getRegisteredAt(), c.getClosedAt(), c.getLeadUnit(),
          c.getClosedOnTime(), c.getProcessInstanceId(), c.getCoUnits(), c.getFormerLeadUnits(),
          c.getLeaderInCharge(), c.getResponsiblePerson(), c.instructingLeader());
    }

    /** Who may read the case, as {@link SupervisionCase#viewers()} says. */
    public InstanceViewers viewers() {
      return SupervisionCase.viewers(processInstanceId, leadUnit, coUnits, formerLeadUnits, leaderInCharge,
          responsiblePerson, instructingLeader);
    }
  }

  /**
   * The charts of {@code cases}: registrations in the twelve months up to {@code lastMonth} (a
   * withdrawn case is not counted), closures from {@code closedFrom} until before {@code closedUntil}.
   */
  public static CaseCharts of(Collection<SupervisionCase> cases, YearMonth lastMonth, ZoneId zone,
      Instant closedFrom, Instant closedUntil, Function<String, String> unitName) {
    return ofRows(cases.stream().map(Row::of).toList(), lastMonth, zone, closedFrom, closedUntil, unitName);
  }

  /** The same, of what the charts count of each case. */
  public static CaseCharts ofRows(Collection<Row> cases, YearMonth lastMonth, ZoneId zone,
      Instant closedFrom, Instant closedUntil, Function<String, String> unitName) {
    List<YearMonth> months = new ArrayList<>();
    for (int i = 11; i >= 0; i--) {
      months.add(lastMonth.minusMonths(i));
    }
    Map<WarningLevel, int[]> counts = new LinkedHashMap<>();
    Arrays.stream(WarningLevel.values()).forEach(l -> counts.put(l, new int[12]));
    Map<String, int[]> closures = new LinkedHashMap<>();
    for (Row c : cases) {
      if (c.status() != CaseStatus.WITHDRAWN) {
        int month = months.indexOf(YearMonth.from(c.registeredAt().atZone(zone)));
        if (month >= 0) {
          counts.get(c.warningLevel())[month]++;
        }
      }
      Instant closed = c.closedAt();
      if (closed != null && !closed.isBefore(closedFrom) && closed.isBefore(closedUntil)) {
        int[] unit = closures.computeIfAbsent(c.leadUnit(), u -> new int[2]);
        unit[0]++;
        if (Boolean.TRUE.equals(c.closedOnTime())) {
          unit[1]++;
        }
      }
    }
    List<LevelSeries> series = counts.entrySet().stream().map(e -> new LevelSeries(e.getKey().name(),
        e.getKey().label(), COLOURS.get(e.getKey()), Arrays.stream(e.getValue()).boxed().toList())).toList();
    List<UnitRate> rates = closures.entrySet().stream()
        .map(e -> new UnitRate(e.getKey(), unitName.apply(e.getKey()), e.getValue()[0], e.getValue()[1],
            rate(e.getValue()[1], e.getValue()[0])))
        .sorted(Comparator.comparing(UnitRate::rate, Comparator.reverseOrder()).thenComparing(UnitRate::unit))
        .toList();
    return new CaseCharts(months.stream().map(YearMonth::toString).toList(), series, rates);
  }

  /** The share of {@code part} in {@code whole} as a rounded percentage, null for none of none. */
  public static Integer rate(int part, int whole) {
    return whole == 0 ? null : (int) Math.round(100.0 * part / whole);
  }
}
