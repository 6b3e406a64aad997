package cn.duban.assessment;

/** R22: the tiers units are ranked in (分档排名). */
public enum Tier {
  GOOD("好"),
  MIDDLE("中"),
  POOR("差");

  private final String label;

  Tier(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
