package cn.duban.accountability;

import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

import cn.duban.organization.SubjectKind;
/**
 * The three tables of {@code processes/rules/accountability-measure.dmn}: the measure a fault
 * calls for (R11), whether the failure is traced up to the leaders (R12), and the points each
 * measure and sanction costs.
 */
@Component
public class AccountabilityRules {

  static final String MEASURE = "accountability-measure";
  static final String TRACE = "accountability-trace";
  static final String DEDUCTION = "accountability-deduction";

  private final DecisionService decisions;

  public AccountabilityRules(DecisionService decisions) {
    this.decisions = decisions;
  }

  public record Proposal(Measure measure, boolean toDiscipline, String ruleRef) {
  }

  public record Trace(boolean leaderInCharge, boolean principalLeader, String ruleRef) {
  }

  public record Deduction(BigDecimal points, String ruleRef, String ruleLabel) {
  }

  public Proposal proposal(SubjectKind subject, Severity severity, int priorCount) {
    DmnDecisionResultEntries r = evaluate(MEASURE,
        Map.of("subjectType", subject.name(), "severity", severity.name(), "priorCount", priorCount));
    if (r == null) {
      throw new IllegalStateException(MEASURE + " has no row for " + subject + "/" + severity + "/" + priorCount);
    }
    return new Proposal(Measure.valueOf(r.getEntry("measure")), Boolean.TRUE.equals(r.getEntry("toDiscipline")),
        r.getEntry("ruleRef"));
  }

  /**
   * R12: whom a failure is traced up to. By default the table follows seed 001 §三(四): a task not
   * completed (a red limit lapsed) is traced to the leader in charge, a grave one on to the
   * principal leader, a principal leader's own assignment to him.
   */
  public Trace trace(int traceLevel, Trigger trigger, SubjectKind subject, Severity severity, int priorCount,
      boolean principalAssignment) {
    DmnDecisionResultEntries r = evaluate(TRACE, Map.of("traceLevel", traceLevel, "trigger", trigger.name(),
        "subjectType", subject.name(), "severity", severity.name(), "priorCount", priorCount,
        "principalAssignment", principalAssignment));
    if (r == null) {
      return new Trace(false, false, null);
    }
    return new Trace(Boolean.TRUE.equals(r.getEntry("traceLeaderInCharge")),
        Boolean.TRUE.equals(r.getEntry("tracePrincipalLeader")), r.getEntry("ruleRef"));
  }

  /** What a measure or sanction costs, or null when the table has no row for it. */
  public Deduction deduction(String code) {
    DmnDecisionResultEntries r = evaluate(DEDUCTION, Map.of("code", code));
    if (r == null) {
      return null;
    }
    Number points = r.getEntry("points");
    return new Deduction(BigDecimal.valueOf(points.doubleValue()), r.getEntry("ruleRef"), r.getEntry("ruleLabel"));
  }

  private DmnDecisionResultEntries evaluate(String key, Map<String, Object> inputs) {
    return decisions.evaluateDecisionByKey(key).variables(inputs).evaluate().getFirstResult();
  }
}
