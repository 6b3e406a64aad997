package cn.duban.supervision;

import java.util.Optional;

/** How {@link SupervisionCaseRepository} reads a case by its id ({@link CaseByIdImpl}). */
interface CaseById {

  /** The case with its milestones, in one statement unless the transaction holds it already. */
  Optional<SupervisionCase> findById(Long id);
}
