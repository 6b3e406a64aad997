package cn.duban.message;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** R33: each node looks at the outbox every {@code duban.messages.poll-interval} (unless switched off). */
@Component
public class MessagePoller {

  private static final Logger LOG = LoggerFactory.getLogger(MessagePoller.class);

  private final MessageOutbox outbox;
  private final MessageProperties properties;

  public MessagePoller(MessageOutbox outbox, MessageProperties properties) {
    this.outbox = outbox;
    this.properties = properties;
  }

  @Scheduled(initialDelayString = "${duban.messages.poll-interval:PT10S}", fixedDelayString = "${duban.messages.poll-interval:PT10S}")
  void poll() {
    if (!properties.pollerEnabled()) {
      return;
    }
    try {
      outbox.work();
    } catch (RuntimeException e) {
      // the database away for a moment: the next look tries again
      LOG.warn("the message outbox could not be worked: {}", e.toString());
    }
  }

  @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
  void purge() {
    if (!properties.pollerEnabled()) {
      return;
    }
    try {
      outbox.purge();
    } catch (RuntimeException e) {
      LOG.warn("old messages could not be removed: {}", e.toString());
    }
  }
}
