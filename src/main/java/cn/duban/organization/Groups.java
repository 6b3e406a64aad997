package cn.duban.organization;

import java.util.List;
import java.util.Map;

/** Camunda group ids that the BPMN models name as candidate groups. */
public final class Groups {

  public static final String SUPERVISION_OFFICE = "supervision-office";
  public static final String EFFICIENCY_OFFICE = "efficiency-office";
  public static final String ASSESSMENT_OFFICE = "assessment-office";
  public static final String DISCIPLINE_INSPECTION = "discipline-inspection";
  public static final String COMPLAINT_DESK = "complaint-desk";
  public static final String LEADERS = "leaders";
  public static final String PRINCIPAL_LEADERS = "principal-leaders";
  public static final String ORGANIZATION_DEPARTMENT = "organization-department";
  /** Heads of undertaking units, besides their unit's group: they record front-line days (R27). */
  public static final String DEPARTMENT_HEADS = "department-heads";
  public static final String TOWNSHIP_SECRETARIES = "township-secretaries";
  /**
   * Process analysts (流程分析员): change the models and rule tables in Camunda Modeler and deploy
   * them; they read definitions and, in Cockpit, instances, never more than the overseeing offices,
   * and work no task (web.AccessSetup).
   */
  public static final String PROCESS_ANALYSTS = "process-analysts";
  public static final String CAMUNDA_ADMIN = org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN;

  /** The offices that oversee all work and see every case, complaint and accountability procedure. */
  public static final List<String> OVERSEERS = List.of(SUPERVISION_OFFICE, EFFICIENCY_OFFICE, PRINCIPAL_LEADERS);

  /** The offices that own processes see every instance of them, by process key. */
  public static final Map<String, List<String>> OWNERS = Map.of(
      COMPLAINT_DESK, List.of("complaint-investigation"),
      DISCIPLINE_INSPECTION, List.of("accountability"),
      ASSESSMENT_OFFICE, List.of("annual-assessment", "assessment-self-examination", "highlight-selection",
          "highlight-nomination", "front-line-days"),
      ORGANIZATION_DEPARTMENT, List.of("annual-assessment", "assessment-self-examination"));

  private static final String UNIT_PREFIX = "unit-";
  private static final String INSTRUCTIONS_PREFIX = "instructions-";

  private Groups() {
  }

  /** The group of an undertaking unit's handlers. */
  public static String ofUnit(String unitCode) {
    return UNIT_PREFIX + unitCode;
  }

  /**
   * R28: the group that reads what a leader instructed: the leader and whoever he names as his
   * secretary (秘书).
   */
  public static String instructionReaders(String leaderId) {
    return INSTRUCTIONS_PREFIX + leaderId;
  }

  /** The leader whose instruction readers this group is, or null for another group. */
  public static String leaderOfInstructionReaders(String groupId) {
    return groupId != null && groupId.startsWith(INSTRUCTIONS_PREFIX) && groupId.length() > INSTRUCTIONS_PREFIX.length()
        ? groupId.substring(INSTRUCTIONS_PREFIX.length()) : null;
  }

  /** The unit whose group this is, or null for another group. */
  public static String unitCodeOf(String groupId) {
    return groupId != null && groupId.startsWith(UNIT_PREFIX) && groupId.length() > UNIT_PREFIX.length()
        ? groupId.substring(UNIT_PREFIX.length()) : null;
  }
}
