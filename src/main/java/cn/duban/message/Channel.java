package cn.duban.message;

/** R33: how a message travels. */
public enum Channel {
  MAIL("邮件"), WEBHOOK("群机器人"), SMS("短信");

  private final String label;

  Channel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
