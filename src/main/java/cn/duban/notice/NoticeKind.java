package cn.duban.notice;

/** The three notices of the supervision pipeline, in the colour of their kind. */
public enum NoticeKind {
  GREEN("督查事项立项通知单", "绿色"),
  YELLOW("督查事项限期催办单", "黄色"),
  RED("督查事项限期具结单", "红色");

  private final String title;
  private final String colour;

  NoticeKind(String title, String colour) {
    this.title = title;
    this.colour = colour;
  }

  public String title() {
    return title;
  }

  public String colour() {
    return colour;
  }
}
