package cn.duban.complaint;

/** What the public asks for; the investigation limit depends on it (R17). */
public enum ComplaintType {
  COMPLAINT("投诉"),
  CONSULTATION("咨询");

  private final String label;

  ComplaintType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
