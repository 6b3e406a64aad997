package cn.duban.supervision;

public enum CaseStatus {
  /** Registered, not yet signed for by the lead unit. */
  REGISTERED("待签收"),
  /** Signed for and being worked. */
  IN_PROGRESS("办理中"),
  /** A closure report awaits checklist acceptance. */
  UNDER_REVIEW("待验收"),
  CLOSED("已办结"),
  WITHDRAWN("已撤销");

  private final String label;

  CaseStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean isOpen() {
    return this != CLOSED && this != WITHDRAWN;
  }
}
