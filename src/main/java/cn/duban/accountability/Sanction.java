package cn.duban.accountability;

/** R11: disciplinary sanctions (处分) that discipline inspection decides, mildest first. */
public enum Sanction {
  NONE("不予处分"),
  WARNING("警告"),
  DEMERIT("记过"),
  MAJOR_DEMERIT("记大过"),
  DOWNGRADE("降级"),
  REMOVAL("撤职"),
  EXPULSION("开除");

  private final String label;

  Sanction(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
