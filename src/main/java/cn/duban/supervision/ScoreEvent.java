package cn.duban.supervision;

/** What happened to a case that the scoring table (case-score.dmn) may turn into points. */
public enum ScoreEvent {
  CLOSED_ON_TIME,
  CLOSED_EARLY,
  EXCEEDS_STANDARD,
  CLOSURE_REJECTED,
  YELLOW_NOTICE,
  RED_NOTICE,
  ACCOUNTABILITY,
  /** R30: a lead unit's return found unjustified (推诿扯皮). */
  RETURN_UNJUSTIFIED,
  /** R31: the lead unit's rating of a co-unit at acceptance. */
  CO_UNIT_RATED_GOOD,
  CO_UNIT_RATED_FAIR,
  CO_UNIT_RATED_POOR
}
