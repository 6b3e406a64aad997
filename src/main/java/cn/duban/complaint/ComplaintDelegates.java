package cn.duban.complaint;

import static cn.duban.common.FormValues.bool;
import static cn.duban.common.FormValues.string;

import cn.duban.calendar.LimitClock;
import cn.duban.common.Actors;
import cn.duban.organization.Access;
import cn.duban.organization.Groups;
import cn.duban.organization.OrganizationService;
import cn.duban.organization.Subject;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates of complaint-investigation.bpmn, each named after its step. */
@Configuration
public class ComplaintDelegates {

  public static final String PROCESS_KEY = "complaint-investigation";
  public static final String COMPLAINT_ID = "complaintId";
  public static final String INVESTIGATION_LIMIT_AT = "investigationLimitAt";
  public static final String REMINDER_AT = "reminderAt";
  public static final String URGING_AT = "urgingAt";
  public static final String CRITICISM_AT = "criticismAt";
  public static final String FOLLOW_UP_DUE_AT = "followUpDueAt";
  /** R25: the forms say the investigation's limit is provisional while it is. */
  public static final String LIMITS_PROVISIONAL = "limitsProvisional";
  /** Who filed a complaint through the public page. */
  public static final String PUBLIC = "public";

  private static final List<String> INTAKE_FIELDS = List.of("channel", "complaintType", "officialName",
      "complainantName", "complainantContact", "anonymous", "content");
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ComplaintService service;
  private final OrganizationService organization;
  private final LimitClock clock;
  private final ComplaintProperties properties;
  private final Access access;

  public ComplaintDelegates(ComplaintService service, OrganizationService organization, LimitClock clock,
      ComplaintProperties properties, Access access) {
    this.service = service;
    this.organization = organization;
    this.clock = clock;
    this.properties = properties;
    this.access = access;
  }

  /** R15: checks the intake, gives the complaint its tracking code and makes it the business key. */
  @Bean
  public JavaDelegate registerComplaint() {
    return ex -> {
      String by = PUBLIC.equals(string(ex, "intakeBy")) ? PUBLIC : Actors.of(ex);
      Complaint c = service.file(new ComplaintService.Intake(string(ex, "channel"), string(ex, "complaintType"),
          string(ex, "unitCode"), string(ex, "officialName"), string(ex, "content"), string(ex, "complainantName"),
          string(ex, "complainantContact"), bool(ex, "anonymous")), by, ex.getProcessInstanceId());
      ex.setProcessBusinessKey(c.getTrackingCode());
      ex.removeVariables(INTAKE_FIELDS);
      ex.removeVariable("intakeBy");
      ex.setVariables(Variables.createVariables()
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
          .putValue("investigationRound", 1));
    };
  }

  /** R16, R17: the routing, and the limits of the investigation it starts. */
  @Bean
  public JavaDelegate recordRouting() {
    return ex -> {
      Complaint c = service.route(complaintId(ex), string(ex, "routing"), string(ex, "handlingUnit"),
          string(ex, "transferredTo"), Actors.of(ex));
      access.grant(c.viewers());
      VariableMap v = Variables.createVariables().putValue("routingCode", c.getRouting().name())
          .putValue("routingLabel", c.getRouting().label());
      if (c.getInvestigationLimitAt() != null) {
        v.putAll(limitVariables(c));
        v.putValue("investigatorGroup", c.getHandlingUnit() == null ? Groups.EFFICIENCY_OFFICE
                : Groups.ofUnit(c.getHandlingUnit()))
            .putValue("handlerName", c.getHandlingUnit() == null ? "效能办" : organization.unitName(c.getHandlingUnit()));
      } else {
        v.putValue("replyText", c.getReply());
      }
      ex.setVariables(v);
    };
  }

  /** The investigation's limits as its timers, due dates and forms read them. */
  VariableMap limitVariables(Complaint c) {
    ComplaintService.Limits limits = service.limits(c);
    return Variables.createVariables()
        .putValue(INVESTIGATION_LIMIT_AT, Date.from(limits.investigation()))
        .putValue("limitText", MINUTE.format(limits.investigation().atZone(clock.zone())))
        .putValue(REMINDER_AT, Date.from(limits.reminder()))
        .putValue(URGING_AT, Date.from(limits.urging()))
        .putValue(CRITICISM_AT, Date.from(limits.criticism()))
        .putValue(LIMITS_PROVISIONAL, c.isLimitsProvisional());
  }

  @Bean
  public JavaDelegate remindInvestigator() {
    return ex -> service.remind(complaintId(ex));
  }

  @Bean
  public JavaDelegate issueUrgingNotice() {
    return ex -> service.urge(complaintId(ex));
  }

  @Bean
  public JavaDelegate circulateCriticism() {
    return ex -> service.criticise(complaintId(ex));
  }

  /** R17: a round's finding; the re-investigation is round 2. */
  @Bean
  public JavaDelegate recordFinding() {
    return ex -> {
      int round = ((Number) ex.getVariable("investigationRound")).intValue();
      Investigation i = service.recordFinding(complaintId(ex), round, string(ex, "finding"), string(ex, "evidence"),
          string(ex, "officialPerson"), string(ex, "proposedReply"), Actors.of(ex));
      ex.setVariable("findingLabel", i.getFinding().label());
      ex.setVariable("evidenceText", i.getEvidence());
      ex.setVariable("proposedReplyText", i.getProposedReply() == null ? "无" : i.getProposedReply());
    };
  }

  /** R18: the reply, which the public status page shows from now on. */
  @Bean
  public JavaDelegate recordReply() {
    return ex -> {
      Complaint c = service.reply(complaintId(ex), string(ex, "reply"));
      ex.setVariable("replyText", c.getReply());
      ex.setVariable(FOLLOW_UP_DUE_AT, clock.fromNow(properties.followUpDays()));
    };
  }

  @Bean
  public JavaDelegate recordFollowUp() {
    return ex -> {
      boolean again = service.followUp(complaintId(ex), bool(ex, "satisfied"));
      ex.setVariable("reinvestigate", again);
      if (again) {
        ex.setVariable("investigationRound", 2);
        ex.setVariable("firstHandler", service.investigations(complaintId(ex)).get(0).getHandler());
      }
    };
  }

  /** R19: closes the complaint; a valid one is booked against the unit and the official. */
  @Bean
  public JavaDelegate closeComplaint() {
    return ex -> {
      Complaint c = service.close(complaintId(ex));
      boolean valid = c.getFinding() != null && c.getFinding().valid();
      ex.setVariable("validComplaint", valid);
      if (valid) {
        // the accountability procedure is against the official when known, else the unit
        ex.setVariable("accountabilitySubject", (c.getOfficialPerson() != null
            ? Subject.person(c.getOfficialPerson()) : Subject.unit(c.getUnitCode())).key());
        ex.setVariable("accountabilityDescription", "有效投诉" + c.getTrackingCode() + "（" + c.getFinding().label()
            + "）：" + c.getContent());
      }
    };
  }

  private static Long complaintId(DelegateExecution ex) {
    return ((Number) ex.getVariable(COMPLAINT_ID)).longValue();
  }
}
