package cn.duban.complaint;

/** R16: the four ways a complaint is handled. */
public enum Routing {
  DIRECT("直办：效能办直接调查"),
  ASSIGN("交办：责任单位调查并报告"),
  TRANSFER("转办：移交有权处理的机关"),
  SUPERVISE("督办：责任单位办理，效能办督办");

  private final String label;

  Routing(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether a unit of the county investigates (and is urged and criticised when late). */
  public boolean byUnit() {
    return this == ASSIGN || this == SUPERVISE;
  }
}
