package cn.duban.supervision;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

public enum CaseStatus {
  /** Registered, not yet signed for by the lead unit. */
  REGISTERED("待签收"),
  /** Signed for and being worked. */
  IN_PROGRESS("办理中"),
  /** A closure report awaits checklist acceptance. */
  UNDER_REVIEW("待验收"),
  CLOSED("已办结"),
  WITHDRAWN("已撤销");

  private final String label;

  CaseStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean isOpen() {
    return this != CLOSED && this != WITHDRAWN;
  }

  /** The open states, for queries: those {@link #isOpen} names. */
  public static Set<CaseStatus> open() {
    return states(true);
  }

  /** The states of a case done with: closed or withdrawn. */
  public static Set<CaseStatus> done() {
    return states(false);
  }

  private static Set<CaseStatus> states(boolean open) {
    EnumSet<CaseStatus> states = EnumSet.noneOf(CaseStatus.class);
    Arrays.stream(values()).filter(s -> s.isOpen() == open).forEach(states::add);
    return states;
  }
}
