package cn.duban.supervision;

import cn.duban.calendar.LimitClock;
import cn.duban.common.FormValues;
import cn.duban.notice.Notice;
import cn.duban.notice.NoticeRepository;
import cn.duban.organization.Groups;
import cn.duban.organization.OrganizationService;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.task.Task;
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
  public static final String HISTORY = "caseHistory";
  /** R25: the case's forms say a limit is provisional while it is. */
  public static final String LIMITS_PROVISIONAL = "limitsProvisional";

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** The history shown in the forms stays well inside a string variable's 4000 characters. */
  static final int HISTORY_MAX = 3000;

  private final OrganizationService organization;
  private final NoticeRepository notices;
  private final LimitClock clock;

  public CaseVariables(OrganizationService organization, NoticeRepository notices,
      LimitClock clock) {
    this.organization = organization;
    this.notices = notices;
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

  /**
   * After a step: what steps change (dates, level, status, record); the context stays as
   * registered. A level that rose raises the priority of the instance's open tasks.
   */
  public void publishState(VariableScope scope, SupervisionCase c) {
    Object before = scope.getVariable(WARNING_LEVEL);
    scope.setVariables(state(c));
    if (scope instanceof DelegateExecution ex && before != null && !before.equals(c.getWarningLevel().name())) {
      TaskService tasks = ex.getProcessEngineServices().getTaskService();
      for (Task t : tasks.createTaskQuery().processInstanceId(ex.getProcessInstanceId()).list()) {
        tasks.setPriority(t.getId(), c.getWarningLevel().taskPriority());
      }
    }
  }

  /** Items on one line, as official papers number them: （1）…；（2）… */
  static String numbered(List<String> items) {
    return items.isEmpty() ? "无" : IntStream.range(0, items.size())
        .mapToObj(i -> "（" + (i + 1) + "）" + items.get(i)).collect(Collectors.joining("；"));
  }

  VariableMap state(SupervisionCase c) {
    return Variables.createVariables()
        .putValue("deadlineText", DAY.format(c.getDeadline()))
        .putValue(DEADLINE_AT, Date.from(c.getDeadlineAt()))
        .putValue(STAGE_LIMIT_AT, Date.from(c.getStageLimitAt()))
        .putValue("stageLimitText", MINUTE.format(c.getStageLimitAt().atZone(clock.zone())))
        .putValue(WARNING_LEVEL, c.getWarningLevel().name())
        .putValue("warningLevelLabel", c.getWarningLevel().label())
        .putValue("caseStatusLabel", c.getStatus().label())
        .putValue(LIMITS_PROVISIONAL, c.isLimitsProvisional())
        .putValue(HISTORY, history(c));
  }

  /**
   * The case's record as the forms show it, read-only and newest first: notices, progress
   * reports, urgings, extension requests and closure reports with their decisions.
   */
  String history(SupervisionCase c) {
    record Line(Instant at, String text) {
    }
    List<Line> lines = new ArrayList<>();
    lines.add(new Line(c.getRegisteredAt(), "立项登记"));
    List<Notice> issued = notices.findByCaseIdOrderByIssuedAt(c.getId());
    for (Notice n : issued) {
      lines.add(new Line(n.getIssuedAt(), "发出" + n.getKind().title() + "，时限至"
          + MINUTE.format(n.getLimitAt().atZone(clock.zone()))));
    }
    for (ProgressReport r : c.getProgressReports()) {
      lines.add(new Line(r.getReportedAt(), organization.personName(r.getReportedBy()) + "报送进展：" + cut(r.getContent())));
    }
    for (UrgingRecord u : c.getUrgings()) {
      lines.add(new Line(u.getRecordedAt(), u.getMethod().label() + "（" + u.getReason().label() + "）："
          + cut(u.getOutcome())));
    }
    for (ExtensionRequest e : c.getExtensionRequests()) {
      lines.add(new Line(e.getRequestedAt(), "申请延期至" + e.getRequestedDeadline() + "：" + cut(e.getReason())));
      if (e.getDecided() != null) {
        String comment = e.getDecided().comment();
        lines.add(new Line(e.getDecided().at(), e.getDecision() == ReviewDecision.ACCEPTED
            ? "延期获批，完成时限改为" + e.getRequestedDeadline() : "延期未获批准" + (comment == null ? ""
            : "：" + cut(comment))));
      }
    }
    for (ClosureReport r : c.getClosureReports()) {
      lines.add(new Line(r.getSubmittedAt(), "报送办结报告：" + cut(r.getReport())));
      if (r.getReviewed() != null) {
        lines.add(new Line(r.getReviewed().at(), r.getDecision() == ReviewDecision.ACCEPTED ? "验收通过"
            : "验收未通过，退回：" + cut(r.getReviewed().comment())));
      }
    }
    lines.sort(Comparator.comparing(Line::at).reversed());
    // the notices as printable pages; the forms' links open them with the webapps' login
    StringBuilder md = new StringBuilder("通知单：");
    md.append(issued.stream()
        .map(n -> "[" + n.getKind().title() + "（" + n.getKind().colour() + "）](/api/cases/" + c.getId() + "/notices/"
            + n.getKind().name() + ")")
        .collect(Collectors.joining(" · ")));
    md.append("\n\n");
    for (Line l : lines) {
      String item = "- " + MINUTE.format(l.at().atZone(clock.zone())) + " " + l.text().replace("\n", " ") + "\n";
      if (md.length() + item.length() > HISTORY_MAX) {
        md.append("- ……（更早的记录见督办事项详情）\n");
        break;
      }
      md.append(item);
    }
    return md.toString();
  }

  private static String cut(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= 60 ? text : text.substring(0, 60) + "……";
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
        .putValue("qualityChecklistText", numbered(c.checklistItems()))
        .putValue("checklistOptions", FormValues.json(c.checklistItems().stream()
            .map(item -> Map.of("label", item, "value", item)).toList()));
    List<Map<String, Object>> milestoneOptions = c.getMilestones().stream()
        .map(m -> Map.<String, Object>of("label", m.getName() + "（" + DAY.format(m.getDueDate()) + "）",
            "value", m.getId().toString()))
        .toList();
    v.putValue("milestoneOptions", FormValues.json(milestoneOptions));
    v.putValue("milestonesText", milestoneOptions.isEmpty() ? "无"
        : milestoneOptions.stream().map(m -> m.get("label").toString()).collect(Collectors.joining("；")));
    return v;
  }
}
