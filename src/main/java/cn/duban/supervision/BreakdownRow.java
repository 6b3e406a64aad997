package cn.duban.supervision;

import java.util.EnumMap;
import java.util.Map;

/**
 * R29: one row of a task-breakdown sheet or of the breakdown form, as typed: its number as the
 * person sees it (the sheet's row, the form's line) and its cells by column, text or null.
 */
public record BreakdownRow(int row, Map<BreakdownColumn, String> cells) {

  public BreakdownRow {
    cells = cells.isEmpty() ? new EnumMap<>(BreakdownColumn.class) : new EnumMap<>(cells);
  }

  /** The cell's text, stripped; null when empty. */
  public String get(BreakdownColumn column) {
    String v = cells.get(column);
    return v == null || v.isBlank() ? null : v.strip();
  }

  boolean isBlank() {
    return cells.values().stream().allMatch(v -> v == null || v.isBlank());
  }
}
