package cn.duban.supervision;

import cn.duban.calendar.LimitClock;
import cn.duban.common.FormValues;
import cn.duban.organization.Groups;
import cn.duban.organization.OrganizationService;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The process variables of a case: the dates its timers and due dates read, the warning level its
 * gateways read, and the context its forms show read-only. The case's records stay in its tables;
 * these are a copy: the context is written once at registration, the state after every step.
 */
@Component
public class CaseVariables {

  public static final String CASE_ID = "caseId";
  public static final String DEADLINE_AT = "deadlineAt";
  public static final String STAGE_LIMIT_AT = "stageLimitAt";
  public static final String SIGN_FOR_DUE_AT = "signForDueAt";
  public static final String NEXT_CHECKPOINT_AT = "nextCheckpointAt";
  public static final String WARNING_LEVEL = "warningLevel";
  public static final String CLOSURE_STATE = "closureState";

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final SupervisionService cases;
  private final OrganizationService organization;
  private final LimitClock clock;

  public CaseVariables(SupervisionService cases, OrganizationService organization, LimitClock clock) {
    this.cases = cases;
    this.organization = organization;
    this.clock = clock;
  }

  public static Long caseId(VariableScope scope) {
    Object id = scope.getVariable(CASE_ID);
    if (id == null) {
      throw new IllegalStateException("process variable caseId is missing");
    }
    return ((Number) id).longValue();
  }

  /** At registration: everything the case's forms and expressions read. */
  public void publishAll(VariableScope scope, SupervisionCase c) {
    scope.setVariables(context(c));
    scope.setVariables(state(c));
  }

  /** After a step: what steps change (dates, level, status); the context stays as registered. */
  public void publishState(VariableScope scope, SupervisionCase c) {
    scope.setVariables(state(c));
  }

  VariableMap state(SupervisionCase c) {
    return Variables.createVariables()
        .putValue("deadlineText", DAY.format(c.getDeadline()))
        .putValue(DEADLINE_AT, Date.from(c.getDeadlineAt()))
        .putValue(STAGE_LIMIT_AT, Date.from(c.getStageLimitAt()))
        .putValue("stageLimitText", MINUTE.format(c.getStageLimitAt().atZone(clock.zone())))
        .putValue(WARNING_LEVEL, c.getWarningLevel().name())
        .putValue("warningLevelLabel", c.getWarningLevel().label())
        .putValue("caseStatusLabel", c.getStatus().label());
  }

  VariableMap context(SupervisionCase c) {
    VariableMap v = Variables.createVariables()
        .putValue(CASE_ID, c.getId())
        .putValue("caseNumber", c.getCaseNumber())
        .putValue("title", c.getTitle())
        .putValue("sourceLabel", c.getSource().label())
        .putValue("content", c.getContent())
        .putValue("leadUnit", c.getLeadUnit())
        .putValue("leadUnitGroup", Groups.ofUnit(c.getLeadUnit()))
        .putValue("leadUnitName", organization.unitName(c.getLeadUnit()))
        .putValue("coUnitNames", c.coUnitList().isEmpty() ? "无"
            : c.coUnitList().stream().map(organization::unitName).collect(Collectors.joining("、")))
        .putValue("leaderInCharge", c.getLeaderInCharge())
        .putValue("leaderInChargeName", organization.personName(c.getLeaderInCharge()))
        .putValue("responsiblePerson", c.getResponsiblePerson())
        .putValue("responsiblePersonName", organization.personName(c.getResponsiblePerson()))
        .putValue(SIGN_FOR_DUE_AT, Date.from(c.getSignForDueAt()))
        .putValue("qualityChecklistText", String.join("\n", c.checklistItems()))
        .putValue("checklistOptions", FormValues.json(c.checklistItems().stream()
            .map(item -> Map.of("label", item, "value", item)).toList()));
    List<Map<String, Object>> milestoneOptions = cases.milestones(c.getId()).stream()
        .map(m -> Map.<String, Object>of("label", m.getName() + "（" + DAY.format(m.getDueDate()) + "）",
            "value", m.getId().toString()))
        .toList();
    v.putValue("milestoneOptions", FormValues.json(milestoneOptions));
    v.putValue("milestonesText", milestoneOptions.isEmpty() ? "无"
        : milestoneOptions.stream().map(m -> m.get("label").toString()).collect(Collectors.joining("；")));
    return v;
  }
}
