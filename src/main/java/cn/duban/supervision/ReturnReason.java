package cn.duban.supervision;

/** R30: why a lead unit returns a case instead of signing for it (退办理由). */
public enum ReturnReason {
  NOT_OUR_DUTY("职责不符"),
  HANDLED_ELSEWHERE("已由他单位办理"),
  OTHER("其他");

  private final String label;

  ReturnReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
