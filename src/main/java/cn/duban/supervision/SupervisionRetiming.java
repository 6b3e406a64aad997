package cn.duban.supervision;

import cn.duban.calendar.LimitChange;
import cn.duban.calendar.LimitRetiming;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/** R25: a case's limits counted again when a holiday table arrives: the records, then the variables its timers read. */
@Component
class SupervisionRetiming implements LimitRetiming {

  private final SupervisionService cases;
  private final SupervisionCaseRepository repository;
  private final CaseVariables variables;
  private final RuntimeService runtime;

  SupervisionRetiming(SupervisionService cases, SupervisionCaseRepository repository, CaseVariables variables,
      RuntimeService runtime) {
    this.cases = cases;
    this.repository = repository;
    this.variables = variables;
    this.runtime = runtime;
  }

  @Override
  public String processDefinitionKey() {
    return "supervision-case";
  }

  @Override
  public Retimed retime(String processInstanceId) {
    SupervisionCase c = repository.findByProcessInstanceId(processInstanceId).orElse(null);
    if (c == null) {
      return Retimed.nothing();
    }
    List<LimitChange> changes = cases.retime(c);
    VariableMap v = variables.republished(c).putValue(CaseVariables.SIGN_FOR_DUE_AT, Date.from(c.getSignForDueAt()));
    // the report checkpoint's timer reads its date from here, while the case waits for one
    if (runtime.getVariable(processInstanceId, CaseVariables.NEXT_CHECKPOINT_AT) != null) {
      cases.nextCheckpoint(c).ifPresent(cp -> v.putValue(CaseVariables.NEXT_CHECKPOINT_AT, Date.from(cp.at())));
    }
    // R31: the co-units' tasks and timers read their limit from here, once the lead unit signed for
    if (runtime.getVariable(processInstanceId, CaseVariables.CO_UNIT_DUE_AT) != null) {
      c.getCoUnitParts().stream().filter(p -> p.getReportedAt() == null).map(CoUnitPart::getDueAt)
          .max(Instant::compareTo).ifPresent(due -> v.putValue(CaseVariables.CO_UNIT_DUE_AT, Date.from(due)));
    }
    return new Retimed(changes, v);
  }

  @Override
  public List<String> provisionalInstances() {
    return repository.findProvisionalInstances();
  }
}
