package cn.duban.organization;

/** What a person does in the organisation; each role is a Camunda group that tasks are offered to. */
public enum Role {
  /** A case handler of an undertaking unit: works the unit's tasks (the unit's own group). */
  HANDLER(null, null),
  /** The head of an undertaking unit: in the unit's own group too. */
  UNIT_HEAD(Groups.DEPARTMENT_HEADS, "部门主要负责人"),
  SUPERVISOR(Groups.SUPERVISION_OFFICE, "督查室"),
  EFFICIENCY_OFFICER(Groups.EFFICIENCY_OFFICE, "效能办"),
  ASSESSOR(Groups.ASSESSMENT_OFFICE, "考核办"),
  DISCIPLINE_INSPECTOR(Groups.DISCIPLINE_INSPECTION, "纪检监察"),
  COMPLAINT_CLERK(Groups.COMPLAINT_DESK, "投诉受理"),
  LEADER(Groups.LEADERS, "分管领导"),
  PRINCIPAL_LEADER(Groups.PRINCIPAL_LEADERS, "主要领导"),
  ORGANIZATION_DEPARTMENT(Groups.ORGANIZATION_DEPARTMENT, "组织部"),
  /** A township's party secretary: assessed on front-line days (R27). */
  TOWNSHIP_SECRETARY(Groups.TOWNSHIP_SECRETARIES, "乡镇党委书记"),
  /** Changes and deploys the models and rule tables (Camunda Modeler); no administrator. */
  PROCESS_ANALYST(Groups.PROCESS_ANALYSTS, "流程分析员"),
  ADMIN(Groups.CAMUNDA_ADMIN, "系统管理员");

  private final String groupId;
  private final String groupName;

  Role(String groupId, String groupName) {
    this.groupId = groupId;
    this.groupName = groupName;
  }

  /** The office group of this role, or null for roles that belong to their unit's group. */
  public String groupId() {
    return groupId;
  }

  public String groupName() {
    return groupName;
  }
}
