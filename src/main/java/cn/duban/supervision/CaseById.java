package cn.duban.supervision;

import java.util.Optional;

/** How {@link SupervisionCaseRepository} reads a case by its id ({@link CaseByIdImpl}). */
interface CaseById {

  /**
   * The case with its milestones, in one statement unless the transaction holds it already: every
   * notice lists them, and an escalation read them in a round trip of their own.
   */
  Optional<SupervisionCase> findById(Long id);
}
