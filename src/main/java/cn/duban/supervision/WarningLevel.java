package cn.duban.supervision;

/**
 * 亮灯: how far a case has escalated. Shown on every case and task; a task's priority follows it,
 * so Tasklist sorts the red work first.
 */
public enum WarningLevel {
  GREEN("绿灯", 50),
  YELLOW("黄灯", 70),
  RED("红灯", 90),
  ACCOUNTABILITY("问责", 100);

  private final String label;
  private final int taskPriority;

  WarningLevel(String label, int taskPriority) {
    this.label = label;
    this.taskPriority = taskPriority;
  }

  public String label() {
    return label;
  }

  public int taskPriority() {
    return taskPriority;
  }
}
