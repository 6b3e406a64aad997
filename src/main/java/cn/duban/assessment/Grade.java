package cn.duban.assessment;

/** R21: the annual grades of a person, best first. */
public enum Grade {
  EXCELLENT("优秀"),
  COMPETENT("称职"),
  BASICALLY_COMPETENT("基本称职"),
  INCOMPETENT("不称职");

  private final String label;

  Grade(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
