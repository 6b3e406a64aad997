package cn.duban.supervision;

/** 亮灯: how far a case has escalated. Shown on every case and task. */
public enum WarningLevel {
  GREEN("绿灯"),
  YELLOW("黄灯"),
  RED("红灯"),
  ACCOUNTABILITY("问责");

  private final String label;

  WarningLevel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
