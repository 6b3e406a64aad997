package cn.duban.supervision;

public enum UrgingReason {
  SIGN_FOR_OVERDUE("逾期未签收"),
  REPORT_MISSED("未按期报送进展"),
  MILESTONE_MISSED("关键节点未报送"),
  SLOW_PROGRESS("进展缓慢"),
  /** R31: a co-unit let the limit for its part pass. */
  CO_UNIT_OVERDUE("协办单位逾期未报送协办事项");

  private final String label;

  UrgingReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
