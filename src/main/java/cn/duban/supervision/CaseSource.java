package cn.duban.supervision;

/** R1: where a supervised item comes from. */
public enum CaseSource {
  LEADER_INSTRUCTION("领导批示"),
  LEADER_ASSIGNMENT("领导交办"),
  MAJOR_DECISION("重大决策部署"),
  IMPORTANT_MEETING("重要会议安排"),
  KEY_PROJECT("重点工程项目"),
  PHASED_TASK("阶段性重点任务"),
  UNIT_KEY_WORK("单位重点工作");

  private final String label;

  CaseSource(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
