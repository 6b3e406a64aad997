package cn.duban.supervision;

/** What happened to a case that the scoring table (case-score.dmn) may turn into points. */
public enum ScoreEvent {
  CLOSED_ON_TIME,
  CLOSED_EARLY,
  EXCEEDS_STANDARD,
  CLOSURE_REJECTED,
  YELLOW_NOTICE,
  RED_NOTICE,
  ACCOUNTABILITY
}
