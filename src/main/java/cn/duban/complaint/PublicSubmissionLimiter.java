package cn.duban.complaint;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A simple guard against a flood of complaints from one address through the public page: at most
 * {@code publicSubmissions} in any {@code publicWindow}. Counts are kept in memory, per node.
 */
@Component
public class PublicSubmissionLimiter {

  private final ComplaintProperties properties;
  private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

  public PublicSubmissionLimiter(ComplaintProperties properties) {
    this.properties = properties;
  }

  /** Takes a slot for the address, or returns false when its window is full. */
  public boolean tryAcquire(String address, Instant now) {
    Deque<Instant> times = recent.computeIfAbsent(address, a -> new ArrayDeque<>());
    synchronized (times) {
      Instant windowStart = now.minus(properties.publicWindow());
      while (!times.isEmpty() && !times.peekFirst().isAfter(windowStart)) {
        times.pollFirst();
      }
      if (times.size() >= properties.publicSubmissions()) {
        return false;
      }
      times.addLast(now);
      return true;
    }
  }

  /** Forgets every address (for tests). */
  public void reset() {
    recent.clear();
  }
}
