package cn.duban.complaint;

public enum ComplaintStatus {
  RECEIVED("已受理，待分办"),
  INVESTIGATING("调查核实中"),
  REPLIED("已答复，待回访"),
  REINVESTIGATING("重新调查中"),
  TRANSFERRED("已转办"),
  CLOSED("已办结");

  private final String label;

  ComplaintStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
