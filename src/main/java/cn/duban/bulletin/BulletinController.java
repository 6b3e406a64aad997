package cn.duban.bulletin;

import cn.duban.organization.Access;
import cn.duban.organization.Groups;
import cn.duban.organization.Viewer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * R34 督查通报 through the API: the published bulletins, for everyone logged in (every unit reads
 * the county's bulletin); the drafts under review, for the overseeing offices; a bulletin on demand
 * for any period, for the supervision office, which starts bulletin.bpmn as its start form does in
 * Tasklist. A bulletin is read as JSON, as a printable page and as an Excel workbook.
 */
@RestController
@RequestMapping("/api/bulletins")
public class BulletinController {

  private final BulletinService bulletins;
  private final BulletinPages pages;
  private final Access access;
  private final FormService forms;
  private final RepositoryService repository;

  public BulletinController(BulletinService bulletins, BulletinPages pages, Access access, FormService forms,
      RepositoryService repository) {
    this.bulletins = bulletins;
    this.pages = pages;
    this.access = access;
    this.forms = forms;
    this.repository = repository;
  }

  /** A bulletin in a list, with where to read it. */
  public record BulletinSummary(Long id, String title, String period, LocalDate periodFrom, LocalDate periodTo,
      BulletinStatus status, String statusLabel, Instant computedAt, Instant publishedAt, String page,
      String workbook, String processInstanceId) {

    static BulletinSummary of(Bulletin b) {
      return new BulletinSummary(b.getId(), b.getTitle(), new BulletinService.Period(b.getPeriodFrom(),
          b.getPeriodTo()).text(), b.getPeriodFrom(), b.getPeriodTo(), b.getStatus(), b.getStatus().label(),
          b.getComputedAt(), b.getPublishedAt(), "/api/bulletins/" + b.getId() + "/page",
          "/api/bulletins/" + b.getId() + "/xlsx", b.getProcessInstanceId());
    }
  }

  /** A bulletin with its figures as they were computed, and the office's comment. */
  public record BulletinDetail(BulletinSummary summary, String comment, String reviewedBy, String publishedBy,
      String requestedBy, BulletinFigures figures) {
  }

  /** The list page's data: the bulletins, and whether the caller may ask for one. */
  public record BulletinList(List<BulletinSummary> bulletins, boolean mayGenerate) {
  }

  /** A period asked for, as the start form names its fields. */
  public record GenerationRequest(String periodFrom, String periodTo) {
  }

  @GetMapping
  public BulletinList list() {
    Viewer viewer = viewer();
    return new BulletinList(bulletins.list(viewer.overseesAll()).stream().map(BulletinSummary::of).toList(),
        viewer.in(Groups.SUPERVISION_OFFICE));
  }

  @GetMapping("/{id}")
  public BulletinDetail get(@PathVariable Long id) {
    Bulletin b = readable(id);
    return new BulletinDetail(BulletinSummary.of(b), b.getComment(), b.getReviewedBy(), b.getPublishedBy(),
        b.getRequestedBy(), bulletins.figures(b));
  }

  @GetMapping(value = "/{id}/page", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
  public ModelAndView page(@PathVariable Long id) {
    return pages.view(readable(id));
  }

  @GetMapping("/{id}/xlsx")
  public ResponseEntity<byte[]> workbook(@PathVariable Long id) {
    Bulletin b = readable(id);
    String name = URLEncoder.encode(b.getTitle() + ".xlsx", StandardCharsets.UTF_8).replace("+", "%20");
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"bulletin-" + b.getPeriodFrom() + "-"
            + b.getPeriodTo() + ".xlsx\"; filename*=UTF-8''" + name)
        .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .body(pages.xlsx(b));
  }

  /**
   * A bulletin for any period, by the supervision office: bulletin.bpmn started with its start
   * form's fields, which computes the draft and gives the office the review task. A period that has
   * its bulletin already, or a bad one, is refused with the field named.
   */
  @PostMapping
  public BulletinSummary generate(@RequestBody(required = false) GenerationRequest request) {
    Viewer viewer = viewer();
    if (!viewer.in(Groups.SUPERVISION_OFFICE)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有督查室可以生成督查通报");
    }
    GenerationRequest r = request == null ? new GenerationRequest(null, null) : request;
    // checked here first, so that a bad period is refused before the engine starts anything
    BulletinService.Period p = bulletins.period(r.periodFrom(), r.periodTo());
    Map<String, Object> form = new HashMap<>();
    form.put(BulletinDelegates.PERIOD_FROM, p.from().toString());
    form.put(BulletinDelegates.PERIOD_TO, p.to().toString());
    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(Bulletin.PROCESS_KEY)
        .latestVersion().singleResult().getId();
    ProcessInstance pi = forms.submitStartForm(definitionId, form);
    return bulletins.existing(p).filter(b -> pi.getId().equals(b.getProcessInstanceId()))
        .map(BulletinSummary::of)
        .orElseThrow(() -> new IllegalStateException("bulletin.bpmn generated no bulletin for " + p));
  }

  /** Published: everyone logged in; a draft: the overseeing offices, who review it. */
  private Bulletin readable(Long id) {
    Viewer viewer = viewer();
    Bulletin b = bulletins.find(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "督查通报不存在：" + id));
    if (!b.published() && !viewer.overseesAll()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "督查通报不存在：" + id);
    }
    return b;
  }

  private Viewer viewer() {
    return access.viewer().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录"));
  }
}
