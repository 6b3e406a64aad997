package cn.duban.supervision;

/** R30: what the supervision office decided on a return: pending, reassigned, or the unit must sign for. */
public enum ReturnDecision {
  PENDING("待审定"),
  REASSIGN("改派他单位"),
  INSIST("维持原承办单位");

  private final String label;

  ReturnDecision(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
