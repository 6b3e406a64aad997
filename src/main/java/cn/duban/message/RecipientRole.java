package cn.duban.message;

/**
 * R33: who receives an event, named by what the event carries (its parameters): the people are
 * looked up when the message is sent, not in the case's transaction.
 */
public enum RecipientRole {
  /** The handlers of the event's unit ({@code unit}), by mail and SMS; the unit's group robot by webhook. */
  UNIT_HANDLERS("承办单位经办人"),
  /** The head of the event's unit ({@code unit}). */
  UNIT_HEAD("承办单位主要负责人"),
  /** R26: the current holder (A, or B while A is away) of the post of the event's unit. */
  POST_HOLDER("岗位A/B角"),
  /** The case's leader in charge ({@code leader}). */
  LEADER_IN_CHARGE("分管领导"),
  /** R28: the leader who instructed ({@code instructingLeader}). */
  INSTRUCTING_LEADER("批示领导"),
  /** The subject of accountability ({@code subject}: UNIT:code or PERSON:id). */
  SUBJECT("问责对象"),
  /** The one person the event names ({@code person}): a digest's reader. */
  PERSON("指定人员"),
  /** Everyone in the supervision office (督查室). */
  SUPERVISION_OFFICE("督查室"),
  /** R34: the head of every unit, and every unit's group robot. */
  ALL_UNIT_HEADS("各单位主要负责人"),
  /** R34: the county's leaders: those in charge and the principal ones. */
  LEADERS("县领导");

  private final String label;

  RecipientRole(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
