package cn.duban.supervision;

import static cn.duban.common.Inputs.choice;
import static cn.duban.common.Inputs.optionalText;
import static cn.duban.common.Inputs.text;

import cn.duban.calendar.LimitClock;
import cn.duban.common.FormValues;
import cn.duban.common.InLists;
import cn.duban.common.InputException;
import cn.duban.common.Inputs;
import cn.duban.organization.OrganizationService;
import cn.duban.organization.Person;
import cn.duban.organization.Unit;
import cn.duban.organization.Viewer;
import cn.duban.supervision.Registration.MilestoneInput;
import jakarta.persistence.EntityManager;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R29 分解立项: a parent item registered once with its source, then split into supervision cases,
 * by the rows of a form or of an uploaded task-breakdown sheet. The rows are checked all before the
 * first is registered, each cell by the rules of registration (R1) and of the parent (a child's
 * deadline within the parent's); one bad row and nothing is registered, and the refusal lists every
 * bad row. Each good row is then registered as a single case is, by starting supervision-case.bpmn
 * with the registration form's fields, so its number comes from the same gap-free counter and its
 * green notice, tasks and timers are a case's like any other. All rows are registered in one
 * transaction: a failure leaves no case and no number taken.
 */
@Service
@Transactional
public class Breakdown {

  private static final Pattern FIELD_NAME = Pattern.compile("（[A-Za-z]+）");
  private static final Pattern FIELD_NAME_OPENING = Pattern.compile("（[A-Za-z]+，");
  private static final Pattern LIST_SEPARATORS = Pattern.compile("[、,，;；/\\s]+");
  private static final Pattern DATE = Pattern.compile("^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?$");
  private static final int DOCUMENT_NUMBER_MAX = 100;

  private final ParentItemRepository parents;
  private final SupervisionCaseRepository cases;
  private final SupervisionService supervision;
  private final OrganizationService organization;
  private final LimitClock clock;
  private final FormService forms;
  private final RepositoryService repository;
  private final EntityManager entities;

  public Breakdown(ParentItemRepository parents, SupervisionCaseRepository cases, SupervisionService supervision,
      OrganizationService organization, LimitClock clock, FormService forms, RepositoryService repository,
      EntityManager entities) {
    this.entities = entities;
    this.parents = parents;
    this.cases = cases;
    this.supervision = supervision;
    this.organization = organization;
    this.clock = clock;
    this.forms = forms;
    this.repository = repository;
  }

  /** The parent as the registration page submits it: raw text. */
  public record ParentInput(String title, String source, String documentNumber, String issuedOn, String content,
      String leaderInCharge, String deadline, String instructingLeader) {
  }

  // ---------------------------------------------------------------- the parent

  /** Registers the parent item with its source; its children follow by {@link #split}. */
  public ParentItem registerParent(ParentInput in, String userId) {
    if (in == null) {
      throw new InputException("title", "请填写母事项（title）");
    }
    LocalDate today = clock.today();
    CaseSource source = choice(CaseSource.class, "source", in.source(), "请选择母事项来源");
    String title = text("title", in.title(), "母事项名称", SupervisionService.TITLE_MAX);
    String documentNumber = optionalText("documentNumber", in.documentNumber(), "文号", DOCUMENT_NUMBER_MAX);
    LocalDate issuedOn = in.issuedOn() == null || in.issuedOn().isBlank() ? null
        : Inputs.date("issuedOn", in.issuedOn(), "印发（会议）日期");
    if (issuedOn != null && issuedOn.isAfter(today)) {
      throw new InputException("issuedOn", "印发（会议）日期不能晚于今天（" + today + "）（issuedOn）");
    }
    String content = text("content", in.content(), "母事项内容", SupervisionService.TEXT_MAX);
    Person leader = leader(in.leaderInCharge());
    if (leader == null) {
      throw new InputException("leaderInCharge", in.leaderInCharge() == null || in.leaderInCharge().isBlank()
          ? "请选择分管领导（leaderInCharge）"
          : "“" + in.leaderInCharge().strip() + "”不是县领导，不能作为分管领导（leaderInCharge）");
    }
    // R28: the children of a leader's instruction carry its leader, text, 文号 and date, all required of them
    String instructingLeader = null;
    if (source == CaseSource.LEADER_INSTRUCTION) {
      if (documentNumber == null) {
        throw new InputException("documentNumber", "来源为领导批示的母事项，请填写批示文号（documentNumber）");
      }
      if (issuedOn == null) {
        throw new InputException("issuedOn", "来源为领导批示的母事项，请填写批示日期（issuedOn）");
      }
      Person instructing = leader(in.instructingLeader());
      if (instructing == null) {
        throw new InputException("instructingLeader", in.instructingLeader() == null || in.instructingLeader().isBlank()
            ? "来源为领导批示的母事项，请选择批示领导（instructingLeader）"
            : "“" + in.instructingLeader().strip() + "”不是县领导，不能作为批示领导（instructingLeader）");
      }
      instructingLeader = instructing.getId();
    }
    LocalDate deadline = Inputs.date("deadline", in.deadline(), "完成时限");
    if (deadline.isBefore(today)) {
      throw new InputException("deadline", "完成时限不能早于今天（" + today + "）（deadline）");
    }
    supervision.countable("deadline", deadline, "完成时限");
    return parents.saveAndFlush(new ParentItem(title, source, documentNumber, issuedOn, content, leader.getId(),
        instructingLeader, deadline, clock.now(), userId));
  }

  public ParentItem parent(Long id) {
    return parents.findById(id).orElseThrow(() -> new IllegalArgumentException("no parent item " + id));
  }

  /** A parent as one viewer sees it: with his progress over the children he may read. */
  public record Visible(ParentItem parent, Progress progress) {
  }

  /**
   * A page of the done parents the viewer may see, newest first; {@code next} is where the next
   * page starts (pass it as {@code before}), null when no older done parent is left.
   */
  public record DoneParents(List<Visible> parents, Long next) {
  }

  /** How many done parents are read at a time while a page of the visible ones is filled. */
  private static final int SCAN = 100;

  /**
   * R29: the parents not yet done (not yet broken down, or with a child still open) that the viewer
   * may see, newest first. The done ones, which accumulate year after year, are not read.
   */
  @Transactional(readOnly = true)
  public List<Visible> inProgress(Viewer viewer) {
    // a parent whose last child closed between the list's query and the children's is done
    return visible(viewer, parents.findInProgressOrderByIdDesc()).stream().filter(v -> !v.progress().done())
        .toList();
  }

  /**
   * R29: up to {@code size} done parents the viewer may see, older than {@code before} (null: from
   * the newest). The done parents are scanned a hundred at a time until the page is full, so a page
   * costs what it lists and the parents it passes over: for the overseeing offices, who see every
   * parent, no more than it lists; for a unit with few done parents among the county's, up to the
   * rest of the history, read as rows (who may read each child) and not loaded: only the parents it
   * lists are, with their children.
   */
  @Transactional(readOnly = true)
  public DoneParents done(Viewer viewer, Long before, int size) {
    List<Visible> page = new ArrayList<>();
    long cursor = before == null ? Long.MAX_VALUE : before;
    while (true) {
      Scanned scanned = scanDone(viewer, cursor);
      for (Visible v : visible(viewer, scanned.seen())) {
        page.add(v);
        if (page.size() == size) {
          return new DoneParents(page, v.parent().getId());
        }
      }
      if (scanned.count() < SCAN) {
        return new DoneParents(page, null);
      }
      cursor = scanned.oldest();
      entities.clear();   // the batch's parents and children leave memory; the page keeps what it took of them
    }
  }

  /** Of the done parents scanned: those the viewer may see, newest first; how many were scanned; the oldest's id. */
  private record Scanned(List<ParentItem> seen, int count, long oldest) {
  }

  private Scanned scanDone(Viewer viewer, long cursor) {
    if (viewer.overseesAll()) {
      List<ParentItem> batch = parents.findDoneBefore(cursor, SCAN);
      return new Scanned(batch, batch.size(), batch.isEmpty() ? cursor : batch.get(batch.size() - 1).getId());
    }
    Map<Long, Boolean> readable = new LinkedHashMap<>();   // by parent, newest first: whether a child is the viewer's
    long oldest = cursor;
    for (ParentItemRepository.ChildReaders child : parents.findDoneChildReadersBefore(cursor, SCAN)) {
      readable.merge(child.parentId(), viewer.mayRead(child.viewers()), Boolean::logicalOr);
      oldest = child.parentId();
    }
    List<Long> seen = readable.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    Map<Long, ParentItem> loaded = parents.findAllById(seen).stream()
        .collect(Collectors.toMap(ParentItem::getId, p -> p));
    return new Scanned(seen.stream().map(loaded::get).filter(Objects::nonNull).toList(), readable.size(), oldest);
  }

  /** The parents the viewer may see, in the given order, their children read together. */
  private List<Visible> visible(Viewer viewer, List<ParentItem> listed) {
    Map<Long, SupervisionCase> children = childrenOf(listed);
    List<Visible> out = new ArrayList<>();
    for (ParentItem p : listed) {
      progressFor(viewer, p, children).ifPresent(progress -> out.add(new Visible(p, progress)));
    }
    return out;
  }

  /** The children of the parents by id. */
  private Map<Long, SupervisionCase> childrenOf(List<ParentItem> listed) {
    return InLists.read(listed.stream().flatMap(p -> p.getChildCaseIds().stream()).toList(), cases::findAllById)
        .stream().collect(Collectors.toMap(SupervisionCase::getId, c -> c));
  }

  // ---------------------------------------------------------------- the children

  /** The rows of an uploaded sheet; a file that is no breakdown sheet is refused with the reason. */
  public List<BreakdownRow> readSheet(InputStream in) {
    return BreakdownSheet.read(in);
  }

  /** The template to fill in, with the organisation's units and people to pick from. */
  @Transactional(readOnly = true)
  public byte[] template(Long parentId) {
    String title = parentId == null ? null : parents.findById(parentId).map(ParentItem::getTitle).orElse(null);
    return BreakdownSheet.template(title, organization.allUnits(), organization.allPeople());
  }

  /**
   * R29: registers a case for each row, in row order, numbered from the same counter as every
   * case; or, if any row is bad, nothing, and the refusal lists every bad row. The caller's
   * authentication is the registering user's, as when the supervision office submits the start form.
   */
  public List<SupervisionCase> split(Long parentId, List<BreakdownRow> rows, String field) {
    ParentItem parent = parent(parentId);
    List<BreakdownProblem> problems = new ArrayList<>();
    List<Map<String, Object>> forms = checked(parent, rows, problems);
    if (!problems.isEmpty()) {
      throw new BreakdownException(field, problems);
    }
    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(SupervisionCase.PROCESS_KEY)
        .latestVersion().singleResult().getId();
    List<Long> registered = new ArrayList<>();
    for (Map<String, Object> form : forms) {
      // the same path as the registration form in Tasklist: the start form's fields, checked and numbered by registerCase
      ProcessInstance pi = this.forms.submitStartForm(definitionId, form);
      SupervisionCase c = cases.findByProcessInstanceId(pi.getId())
          .orElseThrow(() -> new IllegalStateException("no case registered by " + pi.getId()));
      registered.add(c.getId());
      // every registration is flushed as it is made: the records stay in the database, not in memory,
      // where each further flush would look through all the cases before it
      entities.flush();
      entities.clear();
    }
    ParentItem split = parent(parentId);
    registered.forEach(split::addChild);
    parents.saveAndFlush(split);
    Map<Long, SupervisionCase> byId = cases.findAllById(registered).stream()
        .collect(Collectors.toMap(SupervisionCase::getId, c -> c));
    return registered.stream().map(byId::get).toList();
  }

  /** The registration forms of the rows; every problem found is added to {@code problems}. */
  private List<Map<String, Object>> checked(ParentItem parent, List<BreakdownRow> rows,
      List<BreakdownProblem> problems) {
    if (rows == null || rows.isEmpty()) {
      problems.add(new BreakdownProblem(0, "", "没有任务，请至少填写一行"));
      return List.of();
    }
    if (rows.size() > BreakdownSheet.MAX_ROWS) {
      problems.add(new BreakdownProblem(0, "", "一次最多分解" + BreakdownSheet.MAX_ROWS + "项任务，请分批登记"));
      return List.of();
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (BreakdownRow row : rows) {
      Map<String, Object> form = checkRow(parent, row, problems);
      if (form != null) {
        out.add(form);
      }
    }
    return out;
  }

  /** One row checked cell by cell; its registration form, or null when it has problems (added to the list). */
  private Map<String, Object> checkRow(ParentItem parent, BreakdownRow row, List<BreakdownProblem> problems) {
    RowProblems p = new RowProblems(row.row(), problems);
    LocalDate today = clock.today();
    for (BreakdownColumn column : BreakdownColumn.values()) {
      String v = row.get(column);
      if (v != null && hasControlCharacter(v)) {
        p.add(column, "含有不允许的控制字符（如 NUL），请删除后重新填写");
      }
    }
    if (p.any()) {
      return null;
    }
    String title = required(row, BreakdownColumn.TITLE, SupervisionService.TITLE_MAX, p, "请填写任务名称");
    String content = required(row, BreakdownColumn.CONTENT, SupervisionService.TEXT_MAX, p, "请填写工作内容和要求");

    Unit lead = null;
    String leadText = row.get(BreakdownColumn.LEAD_UNIT);
    if (leadText == null) {
      p.add(BreakdownColumn.LEAD_UNIT, "缺少三定中的“定责任”：请填写牵头单位");
    } else {
      lead = unit(leadText);
      if (lead == null) {
        p.add(BreakdownColumn.LEAD_UNIT, "单位“" + leadText + "”不存在，请按“单位和人员”表填写单位全称或代码");
      }
    }

    List<String> coUnits = new ArrayList<>();
    String coText = row.get(BreakdownColumn.CO_UNITS);
    if (coText != null) {
      for (String name : LIST_SEPARATORS.split(coText)) {
        if (name.isBlank()) {
          continue;
        }
        Unit co = unit(name);
        if (co == null) {
          p.add(BreakdownColumn.CO_UNITS, "单位“" + name + "”不存在，请按“单位和人员”表填写单位全称或代码");
        } else if (lead != null && co.getCode().equals(lead.getCode())) {
          p.add(BreakdownColumn.CO_UNITS, "协办单位不能与牵头单位相同：" + co.getName());
        } else if (coUnits.contains(co.getCode())) {
          p.add(BreakdownColumn.CO_UNITS, "协办单位重复：" + co.getName());
        } else {
          coUnits.add(co.getCode());
        }
      }
    }

    Person responsible = null;
    String personText = row.get(BreakdownColumn.RESPONSIBLE_PERSON);
    if (personText == null) {
      p.add(BreakdownColumn.RESPONSIBLE_PERSON, "缺少三定中的“定责任”：请填写责任人");
    } else {
      List<Person> found = people(personText);
      String leadCode = lead == null ? null : lead.getCode();
      List<Person> ofLead = leadCode == null ? found
          : found.stream().filter(x -> leadCode.equals(x.getUnitCode())).toList();
      if (found.isEmpty()) {
        p.add(BreakdownColumn.RESPONSIBLE_PERSON, "人员“" + personText + "”不存在，请按“单位和人员”表填写姓名或账号");
      } else if (ofLead.isEmpty()) {
        p.add(BreakdownColumn.RESPONSIBLE_PERSON, "责任人须为牵头单位“" + lead.getName() + "”的人员，“" + personText
            + "”不是");
      } else if (ofLead.size() > 1) {
        p.add(BreakdownColumn.RESPONSIBLE_PERSON, "有" + ofLead.size() + "位人员名为“" + personText + "”，请填写其账号");
      } else {
        responsible = ofLead.get(0);
      }
    }

    String leaderId = parent.getLeaderInCharge();
    String leaderText = row.get(BreakdownColumn.LEADER_IN_CHARGE);
    if (leaderText != null) {
      Person leader = leader(leaderText);
      if (leader == null) {
        p.add(BreakdownColumn.LEADER_IN_CHARGE, "“" + leaderText + "”不是县领导，不能作为分管领导");
      } else {
        leaderId = leader.getId();
      }
    }

    LocalDate deadline = null;
    String deadlineText = row.get(BreakdownColumn.DEADLINE);
    if (deadlineText == null) {
      p.add(BreakdownColumn.DEADLINE, "请填写完成时限");
    } else {
      deadline = day(deadlineText);
      if (deadline == null) {
        p.add(BreakdownColumn.DEADLINE, "“" + deadlineText + "”不是有效日期，请写作如2026-06-30");
      } else if (deadline.isBefore(today)) {
        p.add(BreakdownColumn.DEADLINE, "完成时限" + deadline + "已过，不能早于今天（" + today + "）");
        deadline = null;
      } else if (deadline.isAfter(parent.getDeadline())) {
        p.add(BreakdownColumn.DEADLINE, "完成时限" + deadline + "晚于母事项的完成时限（" + parent.getDeadline() + "）");
        deadline = null;
      }
    }

    List<MilestoneInput> milestones = List.of();
    try {
      milestones = MilestoneInput.parseLines(row.get(BreakdownColumn.MILESTONES));
      for (MilestoneInput m : milestones) {
        LocalDate d = LocalDate.parse(m.date());
        if (deadline != null && (d.isBefore(today) || d.isAfter(deadline))) {
          p.add(BreakdownColumn.MILESTONES, "关键节点“" + m.name() + "”的日期" + d + "须在今天至完成时限之间");
        }
      }
    } catch (InputException e) {
      p.add(BreakdownColumn.MILESTONES, withoutField(e.getMessage()));
    } catch (java.time.DateTimeException e) {
      p.add(BreakdownColumn.MILESTONES, "关键节点的日期不是有效日期");
    }

    String checklist = required(row, BreakdownColumn.QUALITY_CHECKLIST, SupervisionService.TEXT_MAX, p,
        "缺少三定中的“定质量”：请填写质量标准");

    Integer interval = null;
    String intervalText = row.get(BreakdownColumn.REPORT_INTERVAL_DAYS);
    if (intervalText != null) {
      try {
        interval = Inputs.wholeNumber("reportIntervalDays", intervalText, 0, 0, SupervisionService.LIMIT_MAX_DAYS,
            "进展报送周期", "个工作日");
      } catch (InputException e) {
        p.add(BreakdownColumn.REPORT_INTERVAL_DAYS, withoutField(e.getMessage()));
      }
    }
    // R1 定进度 (milestones or a reporting interval, a blank interval the default) is registration's to decide: below
    if (p.any()) {
      return null;
    }

    // the registration form of the row, as Tasklist would submit it
    Map<String, Object> form = new HashMap<>();
    form.put("source", parent.getSource().name());
    form.put("title", title);
    form.put("leaderInCharge", leaderId);
    form.put("leadUnit", lead.getCode());
    form.put("coUnits", FormValues.json(coUnits));
    form.put("responsiblePerson", responsible.getId());
    form.put("deadline", deadline.toString());
    form.put("content", content);
    form.put("milestones", milestones.stream().map(m -> m.date() + " " + m.name()).collect(Collectors.joining("\n")));
    form.put("qualityChecklist", checklist);
    form.put("initialLevel", WarningLevel.GREEN.name());
    if (interval != null) {
      form.put("reportIntervalDays", interval);
    }
    // R28: the children of a leader's instruction carry it: the parent's leader, text, number and date
    LeaderInstructions.InstructionInput instruction = LeaderInstructions.InstructionInput.NONE;
    if (parent.getSource() == CaseSource.LEADER_INSTRUCTION) {
      // the leader who gave the instruction, not the parent's leader in charge (a parent from before V17 has none)
      String instructing = parent.getInstructingLeader() != null ? parent.getInstructingLeader()
          : parent.getLeaderInCharge();
      instruction = new LeaderInstructions.InstructionInput(instructing, parent.getContent(),
          parent.getDocumentNumber(), parent.getIssuedOn() == null ? null : parent.getIssuedOn().toString(), null);
      form.put("instructingLeader", instruction.leader());
      form.put("instructionText", instruction.text());
      form.put("instructionNumber", instruction.documentNumber());
      form.put("instructionDate", instruction.date());
    }
    // and what registration itself checks beyond the cells (R1): refused here rather than half-way through the rows
    try {
      supervision.check(new Registration(parent.getSource().name(), title, leaderId, lead.getCode(), coUnits,
          responsible.getId(), deadline.toString(), content, milestones, checklist, WarningLevel.GREEN.name(), null,
          null, null, interval, instruction));
    } catch (InputException e) {
      p.add(BreakdownColumn.ofField(e.field()).orElse(null), withoutField(e.getMessage()));
      return null;
    }
    return form;
  }

  /** The problems of one row, by column. */
  private static final class RowProblems {
    private final int row;
    private final List<BreakdownProblem> all;
    private boolean any;

    RowProblems(int row, List<BreakdownProblem> all) {
      this.row = row;
      this.all = all;
    }

    void add(BreakdownColumn column, String message) {
      all.add(new BreakdownProblem(row, column == null ? "" : column.label(), message));
      any = true;
    }

    boolean any() {
      return any;
    }
  }

  private static String required(BreakdownRow row, BreakdownColumn column, int max, RowProblems p, String missing) {
    String v = row.get(column);
    if (v == null) {
      p.add(column, missing);
      return null;
    }
    if (v.length() > max) {
      p.add(column, column.label() + "不能超过" + max + "个字");
      return null;
    }
    return v;
  }

  /** A unit by its code or its full name. */
  private Unit unit(String text) {
    String t = text.strip();
    return organization.findUnit(t).orElseGet(() -> organization.allUnits().stream()
        .filter(u -> u.getName().equals(t)).findFirst().orElse(null));
  }

  /** The people a cell names: by account, else everyone of that name. */
  private List<Person> people(String text) {
    String t = text.strip();
    return organization.findPerson(t).map(List::of)
        .orElseGet(() -> organization.allPeople().stream().filter(x -> x.getName().equals(t)).toList());
  }

  /** A county leader (分管领导 or 主要领导) by account or name; null when none or not one. */
  private Person leader(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    List<Person> leaders = people(text).stream()
        .filter(Person::isCountyLeader).toList();
    return leaders.size() == 1 ? leaders.get(0) : null;
  }

  /** A date as people write it: 2026-06-30, 2026/6/30, 2026.6.30 or 2026年6月30日; null if none. */
  private static LocalDate day(String text) {
    Matcher m = DATE.matcher(text.strip());
    if (!m.matches()) {
      return null;
    }
    try {
      return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  /** A message of registration without the field names a form shows: 关键节点（milestones） reads 关键节点. */
  private static String withoutField(String message) {
    return FIELD_NAME_OPENING.matcher(FIELD_NAME.matcher(message).replaceAll("")).replaceAll("（");
  }

  private static boolean hasControlCharacter(String text) {
    return text.chars().anyMatch(c -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f));
  }

  // ---------------------------------------------------------------- progress

  /** A child as the parent's page lists it. */
  public record Child(Long caseId, String caseNumber, String title, String leadUnit, String leadUnitName,
      String responsiblePerson, String deadline, String level, String levelLabel, String status, String statusLabel,
      boolean overdue, int workingDaysOverdue, String processInstanceId) {
  }

  public record Count(String code, String label, long count) {
  }

  /**
   * R29: how the parent stands: its children counted by warning level (the open ones) and by
   * state, the overdue ones, and whether it is done (every child closed or withdrawn). The
   * children listed overdue first (most working days first), then the open ones by level and
   * deadline, then the finished ones.
   */
  public record Progress(int children, int open, int overdue, boolean done, String stateLabel, List<Count> byLevel,
      List<Count> byStatus, List<Child> list) {
  }

  /** The parent's progress over the children {@code visible} lets through. */
  @Transactional(readOnly = true)
  public Progress progress(ParentItem parent, Predicate<SupervisionCase> visible) {
    return progress(parent, childrenOf(List.of(parent)), visible);
  }

  /** The same, its children taken from {@code loaded} (which may hold other parents' too). */
  private Progress progress(ParentItem parent, Map<Long, SupervisionCase> loaded, Predicate<SupervisionCase> visible) {
    Instant now = clock.now();
    LocalDate today = clock.today();
    List<SupervisionCase> all = parent.getChildCaseIds().stream().map(loaded::get).filter(Objects::nonNull).toList();
    List<SupervisionCase> children = all.stream().filter(visible).toList();
    Map<WarningLevel, Long> levels = new EnumMap<>(WarningLevel.class);
    Arrays.stream(WarningLevel.values()).forEach(l -> levels.put(l, 0L));
    Map<CaseStatus, Long> states = new EnumMap<>(CaseStatus.class);
    Arrays.stream(CaseStatus.values()).forEach(s -> states.put(s, 0L));
    List<Child> list = new ArrayList<>();
    for (SupervisionCase c : children) {
      boolean open = c.getStatus().isOpen();
      if (open) {
        levels.merge(c.getWarningLevel(), 1L, Long::sum);
      }
      states.merge(c.getStatus(), 1L, Long::sum);
      boolean overdue = open && c.getDeadlineAt().isBefore(now);
      int late = overdue ? Math.max(0, clock.calendar().workingDaysBetween(c.getDeadline(), today)) : 0;
      list.add(new Child(c.getId(), c.getCaseNumber(), c.getTitle(), c.getLeadUnit(),
          organization.unitName(c.getLeadUnit()), organization.personName(c.getResponsiblePerson()),
          c.getDeadline().toString(), c.getWarningLevel().name(), c.getWarningLevel().label(), c.getStatus().name(),
          c.getStatus().label(), overdue, late, c.getProcessInstanceId()));
    }
    list.sort(Comparator.comparing((Child c) -> !c.overdue())
        .thenComparing(Child::workingDaysOverdue, Comparator.reverseOrder())
        .thenComparing(c -> !CaseStatus.valueOf(c.status()).isOpen())
        .thenComparing(c -> WarningLevel.valueOf(c.level()), Comparator.reverseOrder())
        .thenComparing(Child::deadline).thenComparing(Child::caseId));
    long open = children.stream().filter(c -> c.getStatus().isOpen()).count();
    long overdue = list.stream().filter(Child::overdue).count();
    boolean done = !parent.getChildCaseIds().isEmpty() && all.stream().noneMatch(c -> c.getStatus().isOpen());
    String state = parent.getChildCaseIds().isEmpty() ? "待分解" : done ? "已完成" : "落实中";
    return new Progress(children.size(), (int) open, (int) overdue, done, state,
        levels.entrySet().stream().map(e -> new Count(e.getKey().name(), e.getKey().label(), e.getValue())).toList(),
        states.entrySet().stream().map(e -> new Count(e.getKey().name(), e.getKey().label(), e.getValue())).toList(),
        list);
  }

  /** Whether the viewer may see the parent at all: the overseeing offices always, others through a child of theirs. */
  @Transactional(readOnly = true)
  public boolean mayRead(Viewer viewer, ParentItem parent) {
    return progressFor(viewer, parent).isPresent();
  }

  /**
   * The parent's progress over the children the viewer may read, where he may see the parent at
   * all (see {@link #mayRead}); empty where he may not.
   */
  @Transactional(readOnly = true)
  public Optional<Progress> progressFor(Viewer viewer, ParentItem parent) {
    return progressFor(viewer, parent, childrenOf(List.of(parent)));
  }

  private Optional<Progress> progressFor(Viewer viewer, ParentItem parent, Map<Long, SupervisionCase> loaded) {
    Progress progress = progress(parent, loaded, c -> viewer.mayRead(c.viewers()));
    return viewer.overseesAll() || progress.children() > 0 ? Optional.of(progress) : Optional.empty();
  }
}
