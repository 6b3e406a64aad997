package cn.duban.supervision;

/** R31: the lead unit's rating of a co-unit's cooperation, booked at acceptance (case-score.dmn). */
public enum CoUnitRating {
  GOOD("配合好", ScoreEvent.CO_UNIT_RATED_GOOD),
  FAIR("一般", ScoreEvent.CO_UNIT_RATED_FAIR),
  POOR("不配合", ScoreEvent.CO_UNIT_RATED_POOR);

  private final String label;
  private final ScoreEvent event;

  CoUnitRating(String label, ScoreEvent event) {
    this.label = label;
    this.event = event;
  }

  public String label() {
    return label;
  }

  ScoreEvent event() {
    return event;
  }
}
