package cn.duban.accountability;

/** R11: how grave the fault is (过错情节). */
public enum Severity {
  GENERAL("一般"),
  SERIOUS("严重"),
  ESPECIALLY_SERIOUS("特别严重");

  private final String label;

  Severity(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
