package cn.duban.supervision;

/** 催办 methods, mildest first. */
public enum UrgingMethod {
  PHONE("电话催办"),
  ON_SITE("现场督办"),
  INTERVIEW_BY_ORGANIZATION_HEAD("组织部长约谈"),
  INTERVIEW_BY_PRINCIPAL_LEADER("主要领导约谈");

  private final String label;

  UrgingMethod(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
