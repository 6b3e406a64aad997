package cn.duban.bulletin;

/** R34: a bulletin is a draft while the supervision office reviews it, and never changes once published. */
public enum BulletinStatus {
  DRAFT("待审核"),
  PUBLISHED("已发布");

  private final String label;

  BulletinStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
