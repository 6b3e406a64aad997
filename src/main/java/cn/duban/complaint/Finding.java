package cn.duban.complaint;

/** R17: what the investigation found. */
public enum Finding {
  TRUE("属实"),
  PARTLY_TRUE("部分属实"),
  NOT_TRUE("不属实");

  private final String label;

  Finding(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** R19: a (partly) true complaint is a valid complaint. */
  public boolean valid() {
    return this != NOT_TRUE;
  }
}
