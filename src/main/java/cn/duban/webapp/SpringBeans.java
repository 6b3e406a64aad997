package cn.duban.webapp;

import java.util.ArrayDeque;
import java.util.Deque;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/**
 * The application's beans for code that Spring does not create: the Cockpit plugin's JAX-RS
 * resources, which the webapps instantiate per request. The latest running context answers (tests
 * run several contexts one after another).
 */
@Component
public class SpringBeans implements ApplicationContextAware, ApplicationListener<ContextClosedEvent> {

  private static final Deque<ApplicationContext> CONTEXTS = new ArrayDeque<>();

  @Override
  public void setApplicationContext(ApplicationContext applicationContext) {
    synchronized (CONTEXTS) {
      CONTEXTS.push(applicationContext);
    }
  }

  @Override
  public void onApplicationEvent(ContextClosedEvent event) {
    synchronized (CONTEXTS) {
      CONTEXTS.remove(event.getApplicationContext());
    }
  }

  public static <T> T get(Class<T> type) {
    synchronized (CONTEXTS) {
      if (CONTEXTS.isEmpty()) {
        throw new IllegalStateException("the application is not started");
      }
      return CONTEXTS.peek().getBean(type);
    }
  }
}
