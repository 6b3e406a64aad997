package cn.duban.common;

import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * Who decided, when, and why: the part every decision of the domain shares (an extension granted,
 * a closure reviewed, a fault assessed, a measure approved, an appeal reviewed, a post handed
 * over). What was decided stays typed in the record that owns the decision; each maps these three
 * to its own columns.
 */
@Embeddable
public record Decision(String by, Instant at, String comment) {

  public static Decision of(String by, Instant at, String comment) {
    return new Decision(by, at, comment);
  }
}
