package cn.duban.common;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A request the application's own rules refuse (403), with a Chinese message that says why. The
 * engine's authorization errors are English and name permissions and resource types; the REST
 * answers replace them with a general Chinese message, but keep this one's.
 */
public class Refusal extends AuthorizationException {

  public Refusal(String message) {
    super(message);
  }
}
