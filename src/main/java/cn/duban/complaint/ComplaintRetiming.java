package cn.duban.complaint;

import cn.duban.calendar.LimitChange;
import cn.duban.calendar.LimitClock;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** R25: a complaint's limits counted again when a holiday table arrives: the investigation's, then the follow-up's. */
@Component
class ComplaintRetiming implements cn.duban.calendar.LimitRetiming {

  private final ComplaintService service;
  private final ComplaintRepository complaints;
  private final ComplaintVariables variables;
  private final ComplaintProperties properties;
  private final LimitClock clock;

  ComplaintRetiming(ComplaintService service, ComplaintRepository complaints, ComplaintVariables variables,
      ComplaintProperties properties, LimitClock clock) {
    this.service = service;
    this.complaints = complaints;
    this.variables = variables;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public String processDefinitionKey() {
    return ComplaintDelegates.PROCESS_KEY;
  }

  @Override
  public Retimed retime(String processInstanceId) {
    Complaint c = complaints.findByProcessInstanceId(processInstanceId).orElse(null);
    if (c == null) {
      return Retimed.nothing();
    }
    List<LimitChange> changes = service.retime(c.getId());
    VariableMap v = Variables.createVariables();
    if (c.getStatus() == ComplaintStatus.INVESTIGATING) {
      v.putAll(variables.limits(c));
    } else {
      v.putValue(ComplaintVariables.LIMITS_PROVISIONAL, false);
    }
    if (c.getStatus() == ComplaintStatus.REPLIED && c.getRepliedAt() != null) {
      // the follow-up visit falls due a number of working days after the reply
      v.putValue(ComplaintVariables.FOLLOW_UP_DUE_AT,
          clock.endOfWorkingDays(Date.from(c.getRepliedAt()), properties.followUpDays()));
    }
    return new Retimed(changes, v);
  }

  @Override
  public List<String> provisionalInstances() {
    return complaints.findProvisionalInstances();
  }
}
