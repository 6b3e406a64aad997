package cn.duban.complaint;

import cn.duban.organization.OrganizationService;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
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

  public PublicComplaintController(RuntimeService runtime, ComplaintRepository complaints,
      OrganizationService organization, PublicSubmissionLimiter limiter) {
    this.runtime = runtime;
    this.complaints = complaints;
    this.organization = organization;
    this.limiter = limiter;
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

  /** Files a complaint; the whole registration is one transaction, so bad input stores nothing. */
  @PostMapping("/complaints")
  @ResponseStatus(HttpStatus.CREATED)
  @Transactional
  public Filed file(@RequestBody Filing filing, HttpServletRequest request) {
    if (!limiter.tryAcquire(request.getRemoteAddr(), Instant.now())) {
      throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS, "提交过于频繁，请稍后再试");
    }
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
    return new Filed(pi.getBusinessKey(), "您的投诉已受理，请凭查询码 " + pi.getBusinessKey() + " 查询办理进度和答复。");
  }

  @GetMapping("/complaints/{trackingCode}")
  public Status status(@PathVariable String trackingCode) {
    Complaint c = complaints.findByTrackingCode(trackingCode.strip().toUpperCase())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "查询码不存在，请核对后重新输入"));
    return new Status(c.getTrackingCode(), c.getReceivedAt(), c.getStatus().name(), c.getStatus().label(), c.getReply(),
        c.getRepliedAt());
  }
}
