package cn.duban.bulletin;

import cn.duban.supervision.CaseCharts;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * R34: what a bulletin states, computed once when it is generated and kept as it was (JSON in
 * {@link Bulletin#getFigures()}).
 *
 * @param from the first day of the period
 * @param to the last day of the period
 * @param units one line per unit, the ranked units first (best first), then those with nothing in the period
 * @param total the county's figures
 * @param best the units that did best (表扬), best first
 * @param worst the units that did worst (督促后进), worst first
 * @param praised the items praised: closed early, exceeding the standard (their ledger bonuses)
 * @param criticised the items criticised: red notices, accountability (their ledger deductions)
 * @param charts the cases by level over the twelve months up to the period's end, and the on-time rate by unit in the period
 */
public record BulletinFigures(LocalDate from, LocalDate to, Instant computedAt, List<UnitLine> units, UnitLine total,
    List<Ranked> best, List<Ranked> worst, List<Item> praised, List<Item> criticised, CaseCharts charts) {

  /**
   * A unit's figures in the period. {@code rank}: its place among the units with something in the
   * period (0: nothing). {@code open} and {@code overdue}: at the period's end. {@code points}: the
   * ledger's bookings for the unit in the period. {@code onTimeRate}: percent of its closures on
   * time, null without a closure.
   */
  public record UnitLine(int rank, String unit, String unitName, int registered, int closedOnTime, int closedLate,
      int open, int overdue, int yellowNotices, int redNotices, BigDecimal points, Integer onTimeRate) {

    boolean active() {
      return registered + closedOnTime + closedLate + open + yellowNotices + redNotices > 0
          || points.signum() != 0;
    }
  }

  /** A unit named best or worst, and why in words. */
  public record Ranked(String unit, String unitName, String why) {
  }

  /** A case praised or criticised: the ledger entry that says why. */
  public record Item(String caseNumber, String title, String unit, String unitName, String reason, LocalDate day,
      BigDecimal points) {
  }
}
