package cn.duban.complaint;

import cn.duban.calendar.LimitClock;
import cn.duban.organization.Groups;
import cn.duban.organization.OrganizationService;
import cn.duban.organization.Subject;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The process variables of a complaint, in one place: what complaint-investigation.bpmn's
 * gateways, timers, candidate groups and forms read, made from the complaint after each step. The
 * complaint stays in its tables; these are a copy.
 */
@Component
public class ComplaintVariables {

  public static final String COMPLAINT_ID = "complaintId";
  public static final String INVESTIGATION_LIMIT_AT = "investigationLimitAt";
  public static final String REMINDER_AT = "reminderAt";
  public static final String URGING_AT = "urgingAt";
  public static final String CRITICISM_AT = "criticismAt";
  public static final String FOLLOW_UP_DUE_AT = "followUpDueAt";
  /** R25: the forms say the investigation's limit is provisional while it is. */
  public static final String LIMITS_PROVISIONAL = "limitsProvisional";
  public static final String ROUND = "investigationRound";
  /** The intake form's fields, replaced by the complaint's own variables once it is registered. */
  static final List<String> INTAKE_FIELDS = List.of("channel", "complaintType", "officialName", "complainantName",
      "complainantContact", "anonymous", "content", "intakeBy");

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ComplaintService service;
  private final OrganizationService organization;
  private final LimitClock clock;

  public ComplaintVariables(ComplaintService service, OrganizationService organization, LimitClock clock) {
    this.service = service;
    this.organization = organization;
    this.clock = clock;
  }

  public static Long complaintId(VariableScope scope) {
    return ((Number) scope.getVariable(COMPLAINT_ID)).longValue();
  }

  public static int round(VariableScope scope) {
    return ((Number) scope.getVariable(ROUND)).intValue();
  }

  /** R15: once registered, what every form of the complaint shows. */
  VariableMap registered(Complaint c) {
    return Variables.createVariables()
        .putValue(COMPLAINT_ID, c.getId())
        .putValue("trackingCode", c.getTrackingCode())
        .putValue("unitCode", c.getUnitCode())
        .putValue("unitName", organization.unitName(c.getUnitCode()))
        .putValue("officialNameText", c.getOfficialName() == null ? "未指明" : c.getOfficialName())
        .putValue("channelLabel", c.getChannel().label())
        .putValue("typeLabel", c.getType().label())
        .putValue("contentText", c.getContent())
        .putValue("complainantText", c.isAnonymous() ? "匿名" + (c.getComplainantContact() == null ? ""
            : "（联系方式：" + c.getComplainantContact() + "）")
            : (c.getComplainantName() == null ? "未留姓名" : c.getComplainantName())
                + (c.getComplainantContact() == null ? "" : "，" + c.getComplainantContact()))
        .putValue("reachable", c.reachable())
        .putValue(ROUND, 1);
  }

  /** R16: how it was routed; an investigated complaint's investigators and limits, a transferred one's reply. */
  VariableMap routed(Complaint c) {
    VariableMap v = Variables.createVariables().putValue("routingCode", c.getRouting().name())
        .putValue("routingLabel", c.getRouting().label());
    if (c.getInvestigationLimitAt() == null) {
      return v.putValue("replyText", c.getReply());
    }
    v.putAll(limits(c));
    return v
        .putValue("investigatorGroup", c.getHandlingUnit() == null ? Groups.EFFICIENCY_OFFICE
            : Groups.ofUnit(c.getHandlingUnit()))
        .putValue("handlerName", c.getHandlingUnit() == null ? "效能办" : organization.unitName(c.getHandlingUnit()));
  }

  /** R17, R25: the investigation's limits as its timers, due dates and forms read them. */
  VariableMap limits(Complaint c) {
    ComplaintService.Limits limits = service.limits(c);
    return Variables.createVariables()
        .putValue(INVESTIGATION_LIMIT_AT, Date.from(limits.investigation()))
        .putValue("limitText", MINUTE.format(limits.investigation().atZone(clock.zone())))
        .putValue(REMINDER_AT, Date.from(limits.reminder()))
        .putValue(URGING_AT, Date.from(limits.urging()))
        .putValue(CRITICISM_AT, Date.from(limits.criticism()))
        .putValue(LIMITS_PROVISIONAL, c.isLimitsProvisional());
  }

  VariableMap found(Investigation i) {
    return Variables.createVariables()
        .putValue("findingLabel", i.getFinding().label())
        .putValue("evidenceText", i.getEvidence())
        .putValue("proposedReplyText", i.getProposedReply() == null ? "无" : i.getProposedReply());
  }

  /** R18: the reply the public page shows, and when the follow-up visit falls due. */
  VariableMap replied(Complaint c, Date followUpDue) {
    return Variables.createVariables()
        .putValue("replyText", c.getReply())
        .putValue(FOLLOW_UP_DUE_AT, followUpDue)
        .putValue(LIMITS_PROVISIONAL, false);
  }

  /** R18: a dissatisfied complainant's one re-investigation goes to another handler than the first. */
  VariableMap followedUp(boolean again, String firstHandler) {
    VariableMap v = Variables.createVariables().putValue("reinvestigate", again);
    return again ? v.putValue(ROUND, 2).putValue("firstHandler", firstHandler) : v;
  }

  /** R19: a valid complaint may start accountability against the official, or else the unit. */
  VariableMap closed(Complaint c) {
    boolean valid = c.getFinding() != null && c.getFinding().valid();
    VariableMap v = Variables.createVariables().putValue("validComplaint", valid);
    if (valid) {
      v.putValue("accountabilitySubject", (c.getOfficialPerson() != null
              ? Subject.person(c.getOfficialPerson()) : Subject.unit(c.getUnitCode())).key())
          .putValue("accountabilityDescription", "有效投诉" + c.getTrackingCode() + "（" + c.getFinding().label()
              + "）：" + c.getContent());
    }
    return v;
  }
}
