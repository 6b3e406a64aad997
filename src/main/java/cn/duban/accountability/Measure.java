package cn.duban.accountability;


import cn.duban.organization.SubjectKind;
/** R11: organisational measures, mildest first within each kind of subject. */
public enum Measure {
  REPRIMAND("训诫", true),
  ORDERED_SELF_EXAMINATION("责令检查", true),
  CIRCULATED_CRITICISM("通报批评", false),
  ADMONISHMENT_TALK("诫勉谈话", true),
  OFF_POST_TRAINING("待岗学习", true),
  TRANSFER("调离岗位", true),
  DISMISSAL_DEMOTION("免职降职", true),
  UNIT_INTERVIEW("约谈单位负责人", false),
  UNIT_HEAD_ADMONISHMENT("单位负责人诫勉谈话并限期整改", false);

  private final String label;
  private final boolean forPersons;

  Measure(String label, boolean forPersons) {
    this.label = label;
    this.forPersons = forPersons;
  }

  public String label() {
    return label;
  }

  /** Whether the measure applies to the given kind of subject; 通报批评 applies to both. */
  public boolean appliesTo(SubjectKind kind) {
    return this == CIRCULATED_CRITICISM || (kind == SubjectKind.PERSON) == forPersons;
  }

  /** R13: the unit must rectify, and its head may not be transferred or promoted meanwhile. */
  public boolean requiresRectification() {
    return this == UNIT_HEAD_ADMONISHMENT;
  }
}
