package cn.duban;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a refused start-up as Spring Boot prints its own: "APPLICATION FAILED TO START", why, and what to do. */
public class StartupRefusedAnalyzer extends AbstractFailureAnalyzer<StartupRefusedException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, StartupRefusedException cause) {
    return new FailureAnalysis(cause.description(), cause.action(), cause);
  }
}
