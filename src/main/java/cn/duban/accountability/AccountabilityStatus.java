package cn.duban.accountability;

public enum AccountabilityStatus {
  OPEN("待认定"),
  PROPOSED("待审批"),
  NOTIFIED("申诉期内"),
  APPEALED("申诉复核中"),
  FINAL("已生效"),
  REVOKED("已撤销");

  private final String label;

  AccountabilityStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
