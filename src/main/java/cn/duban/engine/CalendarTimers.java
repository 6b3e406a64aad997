package cn.duban.engine;

import java.util.Set;

/**
 * What a part of the domain says about the timers of its processes (principle 4): which process
 * variables hold a limit the working-day calendar computed, and which beans give a schedule from
 * the settings. {@link ModelRules} accepts a timer only if it fires at one of these. Each domain
 * brings its own (the engine names no domain); an implementation has no dependencies, because the
 * deploy check asks for it while the engine is being built.
 */
public interface CalendarTimers {

  /** Variables a timer's {@code timeDate} may name ({@code ${stageLimitAt}}). */
  Set<String> limitVariables();

  /** Beans a timer's {@code timeCycle} may call ({@code ${assessmentSchedule.cycle()}}). */
  default Set<String> scheduleBeans() {
    return Set.of();
  }
}
