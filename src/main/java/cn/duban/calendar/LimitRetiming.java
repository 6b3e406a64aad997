package cn.duban.calendar;

import java.util.List;
import java.util.Map;

/**
 * A part of the domain whose process keeps limits counted in working days (cases, complaints,
 * accountability procedures). When a holiday table arrives or changes, {@link Retimer} asks it to
 * count its pending limits again from their own starts; the engine's side (timers, task due dates)
 * the retimer does itself. The calendar package names no domain: each domain brings its own.
 */
public interface LimitRetiming {

  /** The process whose instances this part re-times. */
  String processDefinitionKey();

  /**
   * Counts the instance's pending limits again with the calendar as it is now, inside the caller's
   * transaction: updates the records, and says what moved and which process variables to set.
   */
  Retimed retime(String processInstanceId);

  /** Instances whose limits are marked provisional: the nightly confirmation looks at these. */
  List<String> provisionalInstances();

  record Retimed(List<LimitChange> changes, Map<String, Object> variables) {

    public static Retimed nothing() {
      return new Retimed(List.of(), Map.of());
    }
  }
}
