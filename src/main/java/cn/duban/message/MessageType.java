package cn.duban.message;

/** R33: the kinds of event people are told of; each has a template and a row of default recipients. */
public enum MessageType {
  NEW_TASK("新任务"),
  SIGN_FOR_LAPSING("签收时限将至"),
  DEADLINE_REMINDER("时限临近提醒"),
  NOTICE_GREEN("立项通知单（绿色）"),
  NOTICE_YELLOW("限期催办单（黄色）"),
  NOTICE_RED("限期具结单（红色）"),
  ACCOUNTABILITY_STARTED("启动问责"),
  ACCOUNTABILITY_DECIDED("问责决定"),
  COMPLAINT_URGING("投诉催办"),
  COMPLAINT_CRITICISM("投诉通报批评"),
  APPEAL_CLOSING("申诉期将满"),
  INSTRUCTION_STAGE("批示件办理进展"),
  DAILY_DIGEST("每日督办摘要"),
  BULLETIN_PUBLISHED("督查通报发布");

  private final String label;

  MessageType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
