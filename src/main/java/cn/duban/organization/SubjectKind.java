package cn.duban.organization;

/** Who is held accountable: a unit or a person. */
public enum SubjectKind {
  UNIT("单位"),
  PERSON("个人");

  private final String label;

  SubjectKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
