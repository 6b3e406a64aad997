package cn.duban.engine;

import java.sql.SQLException;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.springframework.dao.ConcurrencyFailureException;

/** Telling a lost race from a real failure: the job executor retries the one at once, the API answers it with 409. */
public final class Conflicts {

  /** SQL states of a serialization failure, a deadlock, a unique key taken meanwhile, a lock timeout (PostgreSQL, H2). */
  private static final Set<String> CONFLICT_STATES = Set.of("40001", "40P01", "23505", "HYT00", "90131");

  private Conflicts() {
  }

  /**
   * Two requests changed the same data at once and this one lost: the engine's optimistic lock, a
   * deadlock, or (two completions of one task booking the same event) a unique key.
   */
  public static boolean isConflict(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OptimisticLockingException || t instanceof ConcurrencyFailureException
          || t instanceof jakarta.persistence.OptimisticLockException) {
        return true;
      }
      if (t instanceof ProcessEngineException e && (e.getCode() == BuiltinExceptionCode.OPTIMISTIC_LOCKING.getCode()
          || e.getCode() == BuiltinExceptionCode.DEADLOCK.getCode())) {
        return true;
      }
      if (t instanceof SQLException sql) {
        for (SQLException e = sql; e != null; e = e.getNextException()) {
          if (e.getSQLState() != null && CONFLICT_STATES.contains(e.getSQLState())) {
            return true;
          }
        }
      }
    }
    return false;
  }

}
