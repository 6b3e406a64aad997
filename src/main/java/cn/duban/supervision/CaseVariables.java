package cn.duban.supervision;

import cn.duban.calendar.LimitClock;
import cn.duban.common.FormValues;
import cn.duban.engine.HistoricVariableUpdates;
import cn.duban.engine.OpenTaskUpdates;
import cn.duban.notice.Notice;
import cn.duban.notice.NoticeRepository;
import cn.duban.organization.Groups;
import cn.duban.organization.OrganizationService;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The process variables of a case: the dates its timers and due dates read, the warning level its
 * gateways read, and the context its forms show read-only. The case's records stay in its tables;
 * these are a copy: the context is written once at registration, the state after every step, and
 * only what the step changed (every write of a variable costs its history a row).
 *
 * <p>The case's record as its forms show it ({@link #HISTORY}) grows by what each step added, from
 * the data the step has in hand: the case is not read again for it.
 */
@Component
public class CaseVariables {

  public static final String CASE_ID = "caseId";
  public static final String DEADLINE_AT = "deadlineAt";
  public static final String STAGE_LIMIT_AT = "stageLimitAt";
  public static final String SIGN_FOR_DUE_AT = "signForDueAt";
  public static final String NEXT_CHECKPOINT_AT = "nextCheckpointAt";
  /** R31: when the co-units' parts fall due (their tasks' due date and urging timer). */
  public static final String CO_UNIT_DUE_AT = "coUnitDueAt";
  public static final String WARNING_LEVEL = "warningLevel";
  public static final String CLOSURE_STATE = "closureState";
  public static final String HISTORY = "caseHistory";
  /** R28: the leader whose instruction the case comes from; absent for other cases. */
  public static final String INSTRUCTING_LEADER = "instructingLeader";
  /** R25: the case's forms say a limit is provisional while it is. */
  public static final String LIMITS_PROVISIONAL = "limitsProvisional";
  /** The due date of the tasks that fall due with the case's current limit. */
  private static final String STAGE_LIMIT_DUE_DATE = "${" + STAGE_LIMIT_AT + "}";

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final String NOTICES = "通知单：";
  private static final String ELIDED = "- ……（更早的记录见督办事项详情）\n";

  /** The history shown in the forms stays well inside a string variable's 4000 characters. */
  static final int HISTORY_MAX = 3000;

  private final OrganizationService organization;
  private final NoticeRepository notices;
  private final LimitClock clock;

  public CaseVariables(OrganizationService organization, NoticeRepository notices, LimitClock clock) {
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

  /** A line of the case's record: when, what; a notice also links its printable page. */
  public record Entry(Instant at, String text, Notice notice) {
  }

  /**
   * At registration: everything the case's forms and expressions read. The record is written by
   * the notice that always follows in the same transaction ({@link #publishState}), once.
   */
  public void publishAll(VariableScope scope, SupervisionCase c) {
    setChanged(scope, context(c));
    setChanged(scope, state(c));
  }

  /**
   * After a step: what it changed of the state (dates, level, status), and what it added to the
   * record; the context stays as registered. The instance's open tasks follow: a level that moved
   * sets their priority, a stage limit that moved the due date of those that fall due with it (a
   * due date changed by hand stays until the limit moves).
   */
  public void publishState(VariableScope scope, SupervisionCase c, Entry... added) {
    VariableMap state = state(c);
    if (added.length > 0) {
      Object current = scope.getVariable(HISTORY);
      state.putValue(HISTORY, appended(current == null ? history(c, List.of()) : current.toString(), c,
          Arrays.asList(added)));
    }
    Map<String, Object> changed = setChanged(scope, state);
    if (scope instanceof ExecutionEntity ex) {
      followCase(ex, changed.containsKey(WARNING_LEVEL) ? c.getWarningLevel().taskPriority() : null,
          (Date) changed.get(STAGE_LIMIT_AT));
    }
  }

  /**
   * Sets the priority (unless null) of the instance's open tasks, and the due date (unless null)
   * of those due with the stage limit. Every open task follows, whoever's step moved the case, and
   * without the step's user's authorizations: in the engine's bulk updates (a look-up of the tasks
   * and a save of each cost an escalation nine statements and a history event per task). The
   * steps run in delegates, where the engine records no user operations, a task's save included.
   */
  private static void followCase(ExecutionEntity ex, Integer priority, Date stageLimit) {
    OpenTaskUpdates.update(ex.getProcessInstanceId(), priority, stageLimit,
        stageLimit == null ? List.of() : dueWithStageLimit(ex));
  }

  /** The keys of the definition's user tasks that fall due with the stage limit. */
  private static List<String> dueWithStageLimit(ExecutionEntity ex) {
    return ex.getProcessDefinition().getTaskDefinitions().entrySet().stream()
        .filter(t -> t.getValue().getDueDateExpression() != null
            && STAGE_LIMIT_DUE_DATE.equals(t.getValue().getDueDateExpression().getExpressionText()))
        .map(Map.Entry::getKey).toList();
  }

  /**
   * Writes the variables whose value differs from what the process holds, and returns them; a flag
   * not yet written counts as false (R25's provisional flag is written when a limit first becomes
   * provisional).
   */
  private static Map<String, Object> setChanged(VariableScope scope, VariableMap values) {
    Map<String, Object> changed = new LinkedHashMap<>();
    values.forEach((name, value) -> {
      Object current = scope.getVariable(name);
      if (!Objects.equals(current, value) && !(current == null && Boolean.FALSE.equals(value))) {
        changed.put(name, value);
      }
    });
    if (scope instanceof ExecutionEntity ex) {
      HistoricVariableUpdates.prepare(ex, changed.keySet());
    }
    changed.forEach(scope::setVariable);
    return changed;
  }

  /** The state and the whole record written afresh, from the case's tables (after re-timing its limits). */
  VariableMap republished(SupervisionCase c) {
    return state(c).putValue(HISTORY, history(c, notices.findByCaseIdOrderByIssuedAt(c.getId())));
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
        .putValue(LIMITS_PROVISIONAL, c.isLimitsProvisional());
  }

  // ---------------------------------------------------------------- the record as forms show it

  Entry entry(Notice n) {
    return new Entry(n.getIssuedAt(), "发出" + n.getKind().title() + "，时限至"
        + MINUTE.format(n.getLimitAt().atZone(clock.zone())), n);
  }

  Entry entry(ProgressReport r) {
    return new Entry(r.getReportedAt(), organization.personName(r.getReportedBy()) + "报送进展：" + cut(r.getContent()),
        null);
  }

  Entry entry(UrgingRecord u) {
    return new Entry(u.getRecordedAt(), u.getMethod().label() + "（" + u.getReason().label() + "）："
        + cut(u.getOutcome()), null);
  }

  Entry requested(ExtensionRequest e) {
    return new Entry(e.getRequestedAt(), "申请延期至" + e.getRequestedDeadline() + "：" + cut(e.getReason()), null);
  }

  Entry decided(ExtensionRequest e) {
    String comment = e.getDecided().comment();
    return new Entry(e.getDecided().at(), e.getDecision() == ReviewDecision.ACCEPTED
        ? "延期获批，完成时限改为" + e.getRequestedDeadline()
        : "延期未获批准" + (comment == null ? "" : "：" + cut(comment)), null);
  }

  /** R28: a feedback sheet, with a link to its printable page. */
  Entry entry(FeedbackSheet s) {
    return new Entry(s.getIssuedAt(), "呈报督办反馈单（第" + s.getSequence() + "期，" + s.getOccasion().label() + "）：[打印](/api/cases/"
        + s.getCaseId() + "/feedback-sheets/" + s.getSequence() + ")", null);
  }

  Entry submitted(ClosureReport r) {
    return new Entry(r.getSubmittedAt(), "报送办结报告：" + cut(r.getReport()), null);
  }

  Entry returned(CaseReturn r) {
    return new Entry(r.getReturnedAt(), organization.unitName(r.getLeadUnit()) + "申请退办：" + cut(r.reasonDescription()),
        null);
  }

  Entry returnDecided(CaseReturn r) {
    return new Entry(r.getDecided().at(), "退办审定：" + r.getDecision().label()
        + (r.isUnjustified() ? "（认定推诿扯皮）" : "") + "，" + cut(r.getDecided().comment()), null);
  }

  Entry reassigned(CaseReassignment r) {
    return new Entry(r.getReassignedAt(), "改派：由" + organization.unitName(r.getFromUnit()) + "改由"
        + organization.unitName(r.getToUnit()) + "牵头承办"
        + (r.getNewDeadline().equals(r.getPreviousDeadline()) ? "" : "，完成时限改为" + r.getNewDeadline())
        + "。理由：" + cut(r.getReason()), null);
  }

  Entry coUnitReported(CoUnitPart p) {
    return new Entry(p.getReportedAt(), organization.unitName(p.getUnitCode()) + "报送协办事项：" + cut(p.getReport()),
        null);
  }

  /**
   * R31: the co-units' contributions and ratings as the lead unit's closure report gives them,
   * for the acceptance form; "无" without co-units.
   */
  String coUnitContributions(SupervisionCase c) {
    List<String> items = c.getCoUnitParts().stream().filter(p -> c.coUnitList().contains(p.getUnitCode()))
        .filter(p -> p.getRating() != null)
        .map(p -> organization.unitName(p.getUnitCode()) + "（" + p.getRating().label() + "）：" + p.getContribution())
        .toList();
    return numbered(items);
  }

  Entry reviewed(ClosureReport r) {
    return new Entry(r.getReviewed().at(), r.getDecision() == ReviewDecision.ACCEPTED ? "验收通过"
        : "验收未通过，退回：" + cut(r.getReviewed().comment()), null);
  }

  /**
   * The case's whole record, read-only and newest first, under the links to its notices: the
   * registration, notices, progress reports, urgings, extension requests and closure reports
   * with their decisions.
   */
  String history(SupervisionCase c, List<Notice> issued) {
    List<Entry> entries = new ArrayList<>();
    entries.add(new Entry(c.getRegisteredAt(), "立项登记", null));
    issued.forEach(n -> entries.add(entry(n)));
    c.getProgressReports().forEach(r -> entries.add(entry(r)));
    c.getUrgings().forEach(u -> entries.add(entry(u)));
    for (ExtensionRequest e : c.getExtensionRequests()) {
      entries.add(requested(e));
      if (e.getDecided() != null) {
        entries.add(decided(e));
      }
    }
    for (ClosureReport r : c.getClosureReports()) {
      entries.add(submitted(r));
      if (r.getReviewed() != null) {
        entries.add(reviewed(r));
      }
    }
    for (CaseReturn r : c.getReturns()) {
      entries.add(returned(r));
      if (r.getDecided() != null && r.getDecision() == ReturnDecision.INSIST) {
        entries.add(returnDecided(r));
      }
    }
    c.getReassignments().forEach(r -> entries.add(reassigned(r)));
    c.getCoUnitParts().stream().filter(p -> p.getReportedAt() != null).forEach(p -> entries.add(coUnitReported(p)));
    return appended(NOTICES + "\n\n", c, entries);
  }

  /** The record with what was added put on top (newest first), cut to {@link #HISTORY_MAX}. */
  private String appended(String current, SupervisionCase c, List<Entry> added) {
    int split = current.indexOf("\n\n");
    StringBuilder header = new StringBuilder(split < 0 ? NOTICES : current.substring(0, split));
    String before = split < 0 ? "" : current.substring(split + 2);
    boolean elided = before.endsWith(ELIDED);
    if (elided) {
      before = before.substring(0, before.length() - ELIDED.length());
    }
    // the notices as printable pages; the forms' links open them with the webapps' login
    added.stream().filter(e -> e.notice() != null).sorted(Comparator.comparing(Entry::at)).forEach(e -> {
      Notice n = e.notice();
      header.append(header.toString().endsWith(NOTICES) ? "" : " · ").append("[").append(n.getKind().title())
          .append("（").append(n.getKind().colour()).append("）](/api/cases/").append(c.getId()).append("/notices/")
          .append(n.getKind().name()).append(")");
    });
    List<String> lines = new ArrayList<>(added.stream().sorted(Comparator.comparing(Entry::at).reversed())
        .map(e -> "- " + MINUTE.format(e.at().atZone(clock.zone())) + " " + e.text().replace("\n", " ") + "\n")
        .toList());
    before.lines().forEach(l -> lines.add(l + "\n"));
    StringBuilder md = header.append("\n\n");
    for (String line : lines) {
      if (md.length() + line.length() + ELIDED.length() > HISTORY_MAX) {
        elided = true;
        break;
      }
      md.append(line);
    }
    return elided ? md.append(ELIDED).toString() : md.toString();
  }

  private static String cut(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= 60 ? text : text.substring(0, 60) + "……";
  }

  /**
   * What the case's forms and expressions read and registration fixes. The parties are one text,
   * as the forms show them, not a variable per person.
   */
  VariableMap context(SupervisionCase c) {
    List<Map<String, Object>> milestoneOptions = milestoneOptions(c);
    String parties = "**牵头承办单位**：" + organization.unitName(c.getLeadUnit())
        + "　**协办单位**：" + (c.coUnitList().isEmpty() ? "无"
            : c.coUnitList().stream().map(organization::unitName).collect(Collectors.joining("、")))
        + "　**责任人**：" + organization.personName(c.getResponsiblePerson())
        + "　**分管领导**：" + organization.personName(c.getLeaderInCharge());
    return Variables.createVariables()
        .putValue(CASE_ID, c.getId())
        .putValue("caseNumber", c.getCaseNumber())
        .putValue("title", c.getTitle())
        .putValue("leadUnitGroup", Groups.ofUnit(c.getLeadUnit()))
        .putValue("leadUnitName", organization.unitName(c.getLeadUnit()))
        .putValue("leaderInCharge", c.getLeaderInCharge())
        // R28: the instructing leader's Tasklist filter 我批示的事项 finds the case's tasks by it
        .putValue(INSTRUCTING_LEADER, c.instructingLeader())
        .putValue(SIGN_FOR_DUE_AT, Date.from(c.getSignForDueAt()))
        .putValue("caseParties", parties)
        // R31: the sign-for form asks for the co-units' limit only when there are co-units
        .putValue("hasCoUnits", !c.coUnitList().isEmpty())
        // three texts, not one: each may come near a string variable's 4000 characters
        .putValue("content", c.getContent())
        .putValue("milestonesText", milestoneOptions.isEmpty() ? "无"
            : milestoneOptions.stream().map(m -> m.get("label").toString()).collect(Collectors.joining("；")))
        .putValue("qualityChecklistText", numbered(c.checklistItems()));
  }

  /**
   * R30: after a reassignment (or a renewed sign-for limit), what the forms and expressions read
   * of the parties and limits, written where it changed: the lead unit's group and name, the
   * parties, the sign-for limit.
   */
  public void publishContext(VariableScope scope, SupervisionCase c) {
    setChanged(scope, context(c));
  }

  /**
   * Once the unit has signed for the case: the choices its work forms offer (the milestone a
   * progress report reaches, the checklist items an acceptance finds met). Not at registration:
   * nothing before the sign-for shows them, and a Json variable is the dearest kind to write.
   */
  public void publishWork(VariableScope scope, SupervisionCase c) {
    setChanged(scope, Variables.createVariables()
        .putValue("checklistOptions", FormValues.json(c.checklistItems().stream()
            .map(item -> Map.of("label", item, "value", item)).toList()))
        .putValue("milestoneOptions", FormValues.json(milestoneOptions(c))));
  }

  private List<Map<String, Object>> milestoneOptions(SupervisionCase c) {
    return c.getMilestones().stream()
        .map(m -> Map.<String, Object>of("label", m.getName() + "（" + DAY.format(m.getDueDate()) + "）",
            "value", m.getId().toString()))
        .toList();
  }
}
