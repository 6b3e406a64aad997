package cn.duban.complaint;

/** R15: how a complaint came in. */
public enum Channel {
  HOTLINE("热线电话"),
  EMAIL("电子邮件"),
  REPORT_BOX("举报箱"),
  WEBSITE("网站"),
  VISIT("来访"),
  MYSTERY_INSPECTION("明查暗访"),
  MEDIA("媒体曝光");

  private final String label;

  Channel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
