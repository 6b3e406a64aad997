package cn.duban.complaint;

import cn.duban.calendar.LimitClock;
import cn.duban.notice.NoticePage;
import cn.duban.organization.Access;
import cn.duban.organization.Groups;
import cn.duban.organization.OrganizationService;
import cn.duban.organization.Viewer;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/** R17: a complaint's urging notice (催办通知书) as a printable page, for the offices and the unit it urges. */
@RestController
public class ComplaintController {

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

  private final ComplaintRepository complaints;
  private final ComplaintService service;
  private final OrganizationService organization;
  private final NoticePage page;
  private final Access access;
  private final LimitClock clock;
  private final String office;

  public ComplaintController(ComplaintRepository complaints, ComplaintService service,
      OrganizationService organization, NoticePage page, Access access, LimitClock clock,
      @Value("${duban.notice.complaint-office:县机关效能建设办公室}") String office) {
    this.complaints = complaints;
    this.service = service;
    this.organization = organization;
    this.page = page;
    this.access = access;
    this.clock = clock;
    this.office = office;
  }

  @GetMapping(value = "/api/complaints/{trackingCode}/urging-notice", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
  public ModelAndView urgingNotice(@PathVariable String trackingCode) {
    Complaint c = complaints.findByTrackingCode(trackingCode)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "投诉不存在：" + trackingCode));
    Viewer v = access.viewer().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录"));
    if (!v.mayRead(c.viewers())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "无权查看该投诉");
    }
    ComplaintEvent notice = service.events(c.getId()).stream()
        .filter(e -> e.getKind() == ComplaintEvent.Kind.URGING_NOTICE).findFirst()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, trackingCode + "未发出催办通知书"));
    String text = notice.getText().startsWith("催办通知书：") ? notice.getText().substring(6) : notice.getText();
    return page.view(new NoticePage.Sheet(office, "#d46b08", "催办", "投诉办理催办通知书", "投诉编号 " + c.getTrackingCode(),
        notice.getAddressee(), List.of(text), List.of(
            new NoticePage.Row("投诉类型", c.getType().label()),
            new NoticePage.Row("被投诉单位", organization.unitName(c.getUnitCode())),
            new NoticePage.Row("受理时间", MINUTE.format(c.getReceivedAt().atZone(clock.zone()))),
            new NoticePage.Row("原办理时限", MINUTE.format(c.getInvestigationLimitAt().atZone(clock.zone())))),
        null, false, notice.getOccurredAt(), clock.zone()));
  }
}
