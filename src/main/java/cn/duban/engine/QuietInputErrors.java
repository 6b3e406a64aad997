package cn.duban.engine;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import cn.duban.common.InputException;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * A person's bad input is answered with 400 and a Chinese message; it is not a server error. The
 * engine logs every exception that ends a command at ERROR with its stack trace (only its own
 * BadUserRequestException is spared, and form validation cannot be one), so refused input would
 * bury real errors. This filter keeps those log events out; everything else is logged as before.
 */
@Component
public class QuietInputErrors extends TurboFilter {

  public QuietInputErrors() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.addTurboFilter(this);
      start();
    }
  }

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (level == null || !level.isGreaterOrEqual(Level.WARN) || !logger.getName().startsWith("org.camunda.bpm")) {
      return FilterReply.NEUTRAL;
    }
    if (isInput(t)) {
      return FilterReply.DENY;
    }
    if (params != null) {
      for (Object p : params) {
        if (p instanceof Throwable thrown && isInput(thrown)) {
          return FilterReply.DENY;
        }
      }
    }
    return FilterReply.NEUTRAL;
  }

  /** A person's refused input. */
  private static boolean isInput(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof InputException) {
        return true;
      }
    }
    return false;
  }
}
