package cn.duban.complaint;

import cn.duban.organization.OrganizationService;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * R15: the public's side of complaints, without login: the units one may complain about, filing a
 * complaint (channel "website", anonymous allowed), and its status and reply by tracking code. The
 * status shows nothing personal: no names, no contact, no content.
 */
@RestController
@RequestMapping("/public")
public class PublicComplaintController {

  private final RuntimeService runtime;
  private final ComplaintRepository complaints;
  private final OrganizationService organization;
  private final PublicSubmissionLimiter limiter;
  private final ComplaintProperties properties;

  public PublicComplaintController(RuntimeService runtime, ComplaintRepository complaints,
      OrganizationService organization, PublicSubmissionLimiter limiter, ComplaintProperties properties) {
    this.runtime = runtime;
    this.complaints = complaints;
    this.organization = organization;
    this.limiter = limiter;
    this.properties = properties;
  }

  public record UnitOption(String code, String name) {
  }

  public record Filing(String unitCode, String officialName, String content, String complainantName,
      String complainantContact, Boolean anonymous, String complaintType) {
  }

  public record Filed(String trackingCode, String message) {
  }

  public record Status(String trackingCode, Instant receivedAt, String status, String statusLabel, String reply,
      Instant repliedAt) {
  }

  @GetMapping("/units")
  public List<UnitOption> units() {
    return organization.allUnits().stream().map(u -> new UnitOption(u.getCode(), u.getName())).toList();
  }

  /**
   * Files a complaint; the whole registration is one transaction, so bad input stores nothing. A full
   * address is refused before any work; the slot is taken last, in the same transaction, so only an
   * accepted complaint uses one. The address is the client's as a trusted proxy reports it.
   */
  @PostMapping("/complaints")
  @ResponseStatus(HttpStatus.CREATED)
  @Transactional
  public Filed file(@RequestBody Filing filing, HttpServletRequest request) {
    String address = request.getRemoteAddr();
    Instant now = ClockUtil.getCurrentTime().toInstant();
    limiter.checkRoom(address, now);
    Map<String, Object> vars = Variables.createVariables()
        .putValue("intakeBy", ComplaintDelegates.PUBLIC)
        .putValue("channel", Channel.WEBSITE.name())
        .putValue("complaintType", filing.complaintType())
        .putValue("unitCode", filing.unitCode())
        .putValue("officialName", filing.officialName())
        .putValue("content", filing.content())
        .putValue("complainantName", filing.complainantName())
        .putValue("complainantContact", filing.complainantContact())
        .putValue("anonymous", Boolean.TRUE.equals(filing.anonymous()));
    ProcessInstance pi = runtime.startProcessInstanceByKey(ComplaintDelegates.PROCESS_KEY, vars);
    limiter.take(address, now);
    return new Filed(pi.getBusinessKey(), "您的投诉已受理，请凭查询码 " + pi.getBusinessKey() + " 查询办理进度和答复。");
  }

  /** 429 with a Chinese message and Retry-After; the refused filing has been rolled back. */
  @ExceptionHandler(PublicSubmissionLimiter.LimitReached.class)
  public ResponseEntity<ProblemDetail> tooMany(PublicSubmissionLimiter.LimitReached e) {
    long seconds = Math.max(1, (e.getWait().toMillis() + 999) / 1000);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
        "提交过于频繁：同一网络地址" + window() + "内最多提交" + properties.publicSubmissions() + "件投诉，请于"
            + (seconds < 120 ? seconds + "秒" : (seconds + 59) / 60 + "分钟") + "后再试");
    problem.setTitle("提交过于频繁");
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
        .body(problem);
  }

  private String window() {
    Duration w = properties.publicWindow();
    return w.toMinutes() % 60 == 0 ? w.toHours() + "小时" : w.toMinutes() + "分钟";
  }

  @GetMapping("/complaints/{trackingCode}")
  public Status status(@PathVariable String trackingCode) {
    Complaint c = complaints.findByTrackingCode(trackingCode.strip().toUpperCase())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "查询码不存在，请核对后重新输入"));
    return new Status(c.getTrackingCode(), c.getReceivedAt(), c.getStatus().name(), c.getStatus().label(), c.getReply(),
        c.getRepliedAt());
  }
}
