package cn.duban.supervision;

/**
 * R29: what is wrong with one cell of a breakdown: the row as the person sees it (row 1 of a sheet
 * is its header), the column's label (empty where the whole file or row is at fault) and why, in
 * Chinese.
 */
public record BreakdownProblem(int row, String column, String message) {

  @Override
  public String toString() {
    return (row > 0 ? "第" + row + "行" : "") + (column == null || column.isEmpty() ? "" : "“" + column + "”")
        + (row > 0 || (column != null && !column.isEmpty()) ? "：" : "") + message;
  }
}
