package cn.duban.supervision;

import cn.duban.calendar.LimitClock;
import cn.duban.common.InputException;
import cn.duban.organization.Access;
import cn.duban.organization.Groups;
import cn.duban.organization.OrganizationService;
import cn.duban.organization.Role;
import cn.duban.organization.Viewer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * R29 分解立项 through the project's API, as the page 分解立项 in Cockpit uses it: the parent items
 * with their children's progress, registering a parent, the template of the task-breakdown sheet,
 * and splitting a parent into cases by an uploaded sheet (multipart, part {@code file}) or by the
 * rows of a form (JSON). A breakdown with a bad row answers 400 with every bad row in
 * {@code problems} (row, column, message) and registers nothing. Registering is the supervision
 * office's; reading, the overseeing offices' and, for the children they may read, everyone's.
 */
@RestController
@RequestMapping("/api/breakdowns")
public class BreakdownController {

  static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Breakdown breakdown;
  private final OrganizationService organization;
  private final Access access;
  private final LimitClock clock;

  public BreakdownController(Breakdown breakdown, OrganizationService organization, Access access, LimitClock clock) {
    this.breakdown = breakdown;
    this.organization = organization;
    this.access = access;
    this.clock = clock;
  }

  public record Choice(String code, String label) {
  }

  public record ParentSummary(Long id, String title, String sourceLabel, String documentNumber, String deadline,
      String stateLabel, boolean done, int children, int open, int overdue, List<Breakdown.Count> byLevel) {
  }

  public record Overview(boolean mayRegister, String today, List<Choice> sources, List<Choice> leaders,
      List<ParentSummary> parents) {
  }

  public record ParentDetail(Long id, String title, String source, String sourceLabel, String documentNumber,
      String issuedOn, String content, String leaderInCharge, String leaderName, String instructingLeader,
      String instructingLeaderName, String deadline, String registeredAt,
      String registeredBy, boolean mayRegister, Breakdown.Progress progress) {
  }

  /** The rows of the breakdown form: each row's fields named as the sheet's columns' fields. */
  public record FormRows(List<Map<String, Object>> rows) {
  }

  public record Registered(int registered, List<String> caseNumbers, String message, ParentDetail parent) {
  }

  /** A page of the done parents; {@code next} is the {@code before} of the next page, null after the last. */
  public record DonePage(List<ParentSummary> parents, Long next) {
  }

  /** The page's overview: the parents in progress (not yet broken down, or with a child still open). */
  @GetMapping
  public Overview overview() {
    Viewer viewer = viewer();
    List<ParentSummary> parents = breakdown.inProgress(viewer).stream().map(BreakdownController::summary).toList();
    List<Choice> leaders = Stream.concat(organization.peopleWith(Role.LEADER).stream(),
            organization.peopleWith(Role.PRINCIPAL_LEADER).stream())
        .map(p -> new Choice(p.getId(), p.label())).toList();
    return new Overview(mayRegister(viewer), clock.today().toString(),
        Arrays.stream(CaseSource.values()).map(s -> new Choice(s.name(), s.label())).toList(), leaders, parents);
  }

  /**
   * The done parents (every child closed or withdrawn), newest first, {@code size} at a time (at
   * most 100): they accumulate year after year, so they are read a page at a time, on request.
   */
  @GetMapping("/done")
  public DonePage done(@RequestParam(required = false) Long before, @RequestParam(defaultValue = "20") int size) {
    if (size < 1 || size > 100) {
      throw new InputException("size", "每页条数须在 1 至 100 之间（size）");
    }
    Breakdown.DoneParents page = breakdown.done(viewer(), before, size);
    return new DonePage(page.parents().stream().map(BreakdownController::summary).toList(), page.next());
  }

  private static ParentSummary summary(Breakdown.Visible v) {
    ParentItem p = v.parent();
    Breakdown.Progress progress = v.progress();
    return new ParentSummary(p.getId(), p.getTitle(), p.getSource().label(), p.getDocumentNumber(),
        p.getDeadline().toString(), progress.stateLabel(), progress.done(), progress.children(), progress.open(),
        progress.overdue(), progress.byLevel());
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  public ParentDetail register(@RequestBody Breakdown.ParentInput input) {
    Viewer viewer = registrar();
    return detail(breakdown.registerParent(input, viewer.userId()), viewer);
  }

  @GetMapping("/{id}")
  public ParentDetail get(@PathVariable Long id) {
    Viewer viewer = viewer();
    ParentItem parent = readable(id, viewer);
    return detail(parent, viewer);
  }

  /** The blank task-breakdown sheet. */
  @GetMapping("/template")
  public ResponseEntity<byte[]> template() {
    viewer();
    return xlsx(breakdown.template(null));
  }

  /** The blank task-breakdown sheet for a parent (its title in the file's properties). */
  @GetMapping("/{id}/template")
  public ResponseEntity<byte[]> template(@PathVariable Long id) {
    readable(id, viewer());
    return xlsx(breakdown.template(id));
  }

  /** R29: the parent split by an uploaded task-breakdown sheet; all its rows or none. */
  @PostMapping(path = "/{id}/children", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public Registered upload(@PathVariable Long id, @RequestPart("file") MultipartFile file) throws IOException {
    Viewer viewer = registrar();
    readable(id, viewer);
    List<BreakdownRow> rows;
    try (InputStream in = file.getInputStream()) {
      rows = breakdown.readSheet(in);
    }
    return registered(id, breakdown.split(id, rows, "file"), viewer);
  }

  /** R29: the parent split by the rows of the breakdown form; all of them or none. */
  @PostMapping(path = "/{id}/children", consumes = MediaType.APPLICATION_JSON_VALUE)
  public Registered rows(@PathVariable Long id, @RequestBody FormRows form) {
    Viewer viewer = registrar();
    readable(id, viewer);
    List<BreakdownRow> rows = new ArrayList<>();
    List<Map<String, Object>> given = form == null || form.rows() == null ? List.of() : form.rows();
    for (int i = 0; i < given.size(); i++) {
      Map<String, Object> row = given.get(i) == null ? Map.of() : given.get(i);
      Map<BreakdownColumn, String> cells = new EnumMap<>(BreakdownColumn.class);
      for (BreakdownColumn column : BreakdownColumn.values()) {
        Object v = row.get(column.field());
        cells.put(column, v instanceof Collection<?> list
            ? list.stream().map(String::valueOf).collect(Collectors.joining("、")) : v == null ? null : v.toString());
      }
      rows.add(new BreakdownRow(i + 1, cells));
    }
    return registered(id, breakdown.split(id, rows, "rows"), viewer);
  }

  private Registered registered(Long id, List<SupervisionCase> cases, Viewer viewer) {
    List<String> numbers = cases.stream().map(SupervisionCase::getCaseNumber).toList();
    String range = numbers.isEmpty() ? "" : numbers.size() == 1 ? numbers.get(0)
        : numbers.get(0) + "至" + numbers.get(numbers.size() - 1);
    return new Registered(numbers.size(), numbers, "已分解立项" + numbers.size() + "项：" + range + "，立项通知单已发出",
        detail(breakdown.parent(id), viewer));
  }

  private ParentDetail detail(ParentItem p, Viewer viewer) {
    return new ParentDetail(p.getId(), p.getTitle(), p.getSource().name(), p.getSource().label(),
        p.getDocumentNumber(), p.getIssuedOn() == null ? null : p.getIssuedOn().toString(), p.getContent(),
        p.getLeaderInCharge(), organization.personName(p.getLeaderInCharge()), p.getInstructingLeader(),
        p.getInstructingLeader() == null ? null : organization.personName(p.getInstructingLeader()),
        p.getDeadline().toString(),
        MINUTE.format(p.getRegisteredAt().atZone(clock.zone())),
        p.getRegisteredBy() == null ? null : organization.personName(p.getRegisteredBy()), mayRegister(viewer),
        breakdown.progress(p, c -> viewer.mayRead(c.viewers())));
  }

  private ParentItem readable(Long id, Viewer viewer) {
    ParentItem parent;
    try {
      parent = breakdown.parent(id);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "母事项不存在：" + id);
    }
    if (!breakdown.mayRead(viewer, parent)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "无权查看该母事项");
    }
    return parent;
  }

  private static ResponseEntity<byte[]> xlsx(byte[] content) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(BreakdownSheet.FILE_NAME, StandardCharsets.UTF_8).build().toString())
        .contentType(XLSX).body(content);
  }

  private static boolean mayRegister(Viewer viewer) {
    return viewer.in(Groups.SUPERVISION_OFFICE);
  }

  private Viewer registrar() {
    Viewer viewer = viewer();
    if (!mayRegister(viewer)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有督查室可以分解立项");
    }
    return viewer;
  }

  private Viewer viewer() {
    return access.viewer().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录"));
  }
}
