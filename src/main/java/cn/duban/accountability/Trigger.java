package cn.duban.accountability;

/** Why an accountability procedure started. */
public enum Trigger {
  RED_LIMIT_LAPSED("限期具结时限届满仍未办结"),
  VALID_COMPLAINT("有效投诉"),
  MYSTERY_INSPECTION("明查暗访发现问题"),
  MANUAL("效能办直接启动"),
  UPWARD_TRACE("责任倒查");

  private final String label;

  Trigger(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
