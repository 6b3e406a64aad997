package cn.duban.web;

import cn.duban.calendar.HolidaySchedule;
import cn.duban.calendar.HolidayTable;
import cn.duban.calendar.HolidayTables;
import cn.duban.calendar.LimitClock;
import cn.duban.calendar.Retimer;
import cn.duban.calendar.WorkingDayCalendar;
import cn.duban.notice.NoticePage;
import cn.duban.organization.Access;
import cn.duban.organization.Groups;
import cn.duban.organization.OrganizationService;
import cn.duban.organization.Viewer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * R25: the holiday tables through the project's API, as the page 节假日安排 in Cockpit uses them.
 * Everyone logged in reads them; the supervision office and administrators enter a year's table
 * (JSON, or the file itself as text/plain), which takes effect at once and re-times the limits it
 * moves; the answer carries that report.
 */
@RestController
@RequestMapping("/api/calendar")
public class CalendarController {

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final HolidayTables tables;
  private final Retimer retimer;
  private final LimitClock clock;
  private final Access access;
  private final OrganizationService organization;

  public CalendarController(HolidayTables tables, Retimer retimer, LimitClock clock, Access access,
      OrganizationService organization) {
    this.tables = tables;
    this.retimer = retimer;
    this.clock = clock;
    this.access = access;
    this.organization = organization;
  }

  /** A year as the list shows it: official (with its revision in force) or provisional. */
  public record YearView(int year, boolean official, Integer revision, String origin, String source, String enteredBy,
      String enteredAt) {
  }

  public record Overview(String today, int nextYear, boolean nextYearOfficial, String notice, boolean mayEnter,
      String provisionalNote, List<YearView> years) {
  }

  public record DayView(String date, String weekday, String kind, String name) {
  }

  public record RevisionView(int revision, String origin, String source, String enteredBy, String enteredAt) {
  }

  public record YearDetail(int year, boolean official, String content, List<DayView> days,
      List<RevisionView> revisions) {
  }

  public record Entry(String table, String source) {
  }

  public record ReportLine(String subject, String processInstanceId, String what, String before, String after) {
  }

  public record Saved(int year, int revision, boolean changed, String message, List<ReportLine> report,
      List<String> failed) {
  }

  @GetMapping
  public Overview overview() {
    Viewer viewer = viewer();
    WorkingDayCalendar calendar = clock.calendar();
    int thisYear = clock.today().getYear();
    List<YearView> official = tables.current().stream().map(this::view).toList();
    // this year and next are listed even without a table: they count provisionally
    List<YearView> provisional = IntStream.rangeClosed(thisYear, thisYear + 1).filter(y -> !calendar.isOfficial(y))
        .mapToObj(y -> new YearView(y, false, null, null, null, null, null)).toList();
    List<YearView> years = java.util.stream.Stream.concat(provisional.stream(), official.stream())
        .sorted((a, b) -> Integer.compare(b.year(), a.year())).toList();
    return new Overview(clock.today().toString(), thisYear + 1, calendar.isOfficial(thisYear + 1),
        tables.nextYearNotice(), mayEnter(viewer), NoticePage.PROVISIONAL_NOTE, years);
  }

  @GetMapping("/{year}")
  public YearDetail year(@PathVariable int year) {
    viewer();
    if (year < 1901 || year > 2099) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, year + "年不在可计算的范围内");
    }
    HolidaySchedule schedule = clock.calendar().schedule(year);
    List<HolidayTable> revisions = tables.revisions(year);
    String content = revisions.isEmpty() ? null : revisions.get(0).getContent();
    return new YearDetail(year, !schedule.provisional(), content,
        schedule.days().stream().map(d -> new DayView(d.date().toString(),
            d.date().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.CHINA), d.kind().mark(), d.name())).toList(),
        revisions.stream().map(t -> new RevisionView(t.getRevision(), t.getOrigin().label(), t.getSource(),
            personName(t.getEnteredBy()), format(t.getEnteredAt()))).toList());
  }

  /** Enters a year's table as JSON {@code {"table": "...", "source": "国办发明电〔2026〕N号"}}. */
  @PutMapping(path = "/{year}", consumes = MediaType.APPLICATION_JSON_VALUE)
  public Saved enter(@PathVariable int year, @RequestBody Entry entry) {
    return save(year, entry.table(), entry.source());
  }

  /** Enters a year's table as the file itself: {@code curl -T 2027.txt -H 'Content-Type: text/plain'}. */
  @PutMapping(path = "/{year}", consumes = MediaType.TEXT_PLAIN_VALUE)
  public Saved upload(@PathVariable int year, @RequestBody String table,
      @RequestParam(required = false) String source) {
    return save(year, table, source);
  }

  @GetMapping("/{year}/revisions/{revision}")
  public Saved report(@PathVariable int year, @PathVariable int revision) {
    viewer();
    HolidayTable table = tables.revision(year, revision).orElseThrow(
        () -> new ResponseStatusException(HttpStatus.NOT_FOUND, year + "年节假日安排没有第" + revision + "版"));
    return new Saved(year, revision, true, null, lines(retimer.report(table.getId())), List.of());
  }

  private Saved save(int year, String table, String source) {
    Viewer viewer = viewer();
    if (!mayEnter(viewer)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有督查室和系统管理员可以录入节假日安排");
    }
    Retimer.Entered entered = retimer.enter(year, table, source, viewer.userId());
    HolidayTables.Saved saved = entered.saved();
    Retimer.Report report = entered.report();
    if (!saved.changed()) {
      return new Saved(year, saved.table().getRevision(), false,
          year + "年节假日安排与现行第" + saved.table().getRevision() + "版相同，未作改动", List.of(), List.of());
    }
    return new Saved(year, saved.table().getRevision(), true, year + "年节假日安排已保存为第" + saved.table().getRevision()
        + "版，即时生效；" + (report.lines().isEmpty() ? "没有需要调整的时限。" : "已调整" + report.lines().size() + "项时限。"),
        lines(report.lines()), report.failed());
  }

  private List<ReportLine> lines(List<Retimer.Line> lines) {
    return lines.stream().map(l -> new ReportLine(l.subject(), l.processInstanceId(), l.what(), format(l.before()),
        format(l.after()))).toList();
  }

  private YearView view(HolidayTable t) {
    return new YearView(t.getYear(), true, t.getRevision(), t.getOrigin().label(), t.getSource(),
        personName(t.getEnteredBy()), format(t.getEnteredAt()));
  }

  private String personName(String id) {
    return HolidayTables.SYSTEM.equals(id) ? "系统" : organization.personName(id);
  }

  private String format(Instant at) {
    return at == null ? null : MINUTE.format(at.atZone(clock.zone()));
  }

  private static boolean mayEnter(Viewer v) {
    return v.in(Groups.SUPERVISION_OFFICE, Groups.CAMUNDA_ADMIN);
  }

  private Viewer viewer() {
    return access.viewer().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录"));
  }
}
