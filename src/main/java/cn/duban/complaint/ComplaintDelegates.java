package cn.duban.complaint;

import static cn.duban.common.FormValues.bool;
import static cn.duban.common.FormValues.string;
import static cn.duban.complaint.ComplaintVariables.complaintId;

import cn.duban.calendar.LimitClock;
import cn.duban.common.Actors;
import cn.duban.organization.Access;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates of complaint-investigation.bpmn, each named after its step: read the form's
 * variables, call {@link ComplaintService}, publish the complaint's variables ({@link ComplaintVariables}).
 */
@Configuration
public class ComplaintDelegates {

  public static final String PROCESS_KEY = "complaint-investigation";
  /** Who filed a complaint through the public page. */
  public static final String PUBLIC = "public";

  private final ComplaintService service;
  private final ComplaintVariables variables;
  private final LimitClock clock;
  private final ComplaintProperties properties;
  private final Access access;

  public ComplaintDelegates(ComplaintService service, ComplaintVariables variables, LimitClock clock,
      ComplaintProperties properties, Access access) {
    this.service = service;
    this.variables = variables;
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
      ex.removeVariables(ComplaintVariables.INTAKE_FIELDS);
      ex.setVariables(variables.registered(c));
    };
  }

  /** R16, R17: the routing, and the limits of the investigation it starts. */
  @Bean
  public JavaDelegate recordRouting() {
    return ex -> {
      Complaint c = service.route(complaintId(ex), string(ex, "routing"), string(ex, "handlingUnit"),
          string(ex, "transferredTo"), Actors.of(ex));
      access.grant(c.viewers());
      ex.setVariables(variables.routed(c));
    };
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
    return ex -> ex.setVariables(variables.found(service.recordFinding(complaintId(ex), ComplaintVariables.round(ex),
        string(ex, "finding"), string(ex, "evidence"), string(ex, "officialPerson"), string(ex, "proposedReply"),
        Actors.of(ex))));
  }

  /** R18: the reply, which the public status page shows from now on. */
  @Bean
  public JavaDelegate recordReply() {
    return ex -> ex.setVariables(variables.replied(service.reply(complaintId(ex), string(ex, "reply")),
        clock.fromNow(properties.followUpDays())));
  }

  @Bean
  public JavaDelegate recordFollowUp() {
    return ex -> {
      boolean again = service.followUp(complaintId(ex), bool(ex, "satisfied"));
      ex.setVariables(variables.followedUp(again,
          again ? service.investigations(complaintId(ex)).get(0).getHandler() : null));
    };
  }

  /** R19: closes the complaint; a valid one is booked against the unit and the official. */
  @Bean
  public JavaDelegate closeComplaint() {
    return ex -> ex.setVariables(variables.closed(service.close(complaintId(ex))));
  }
}
