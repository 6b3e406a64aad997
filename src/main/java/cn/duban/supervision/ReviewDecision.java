package cn.duban.supervision;

/** The outcome of a decision someone has to take: a closure review, an extension request. */
public enum ReviewDecision {
  PENDING,
  ACCEPTED,
  REJECTED
}
