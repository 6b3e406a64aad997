package cn.duban.accountability;

import cn.duban.calendar.LimitChange;
import cn.duban.calendar.LimitRetiming;
import java.util.List;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** R25: a procedure's limits counted again when a holiday table arrives: the appeal window, the rectification. */
@Component
class AccountabilityRetiming implements LimitRetiming {

  private final AccountabilityService service;
  private final AccountabilityRecordRepository records;
  private final AccountabilityVariables variables;

  AccountabilityRetiming(AccountabilityService service, AccountabilityRecordRepository records,
      AccountabilityVariables variables) {
    this.service = service;
    this.records = records;
    this.variables = variables;
  }

  @Override
  public String processDefinitionKey() {
    return "accountability";
  }

  @Override
  public Retimed retime(String processInstanceId) {
    AccountabilityRecord r = records.findByProcessInstanceId(processInstanceId).orElse(null);
    if (r == null) {
      return Retimed.nothing();
    }
    List<LimitChange> changes = service.retime(r.getId());
    VariableMap v = Variables.createVariables();
    if (r.getStatus() == AccountabilityStatus.NOTIFIED) {
      v.putAll(variables.notified(r));
    }
    if (r.underRectification()) {
      v.putValue(AccountabilityVariables.RECTIFICATION_DUE_AT, service.rectificationDue(r));
    }
    return new Retimed(changes, v);
  }

  /** A procedure's limits are never marked provisional: the table's arrival re-times them by their dates. */
  @Override
  public List<String> provisionalInstances() {
    return List.of();
  }
}
