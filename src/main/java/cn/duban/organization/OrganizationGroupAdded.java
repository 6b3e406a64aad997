package cn.duban.organization;

/** A Camunda group of the organisation was created: a unit's or an office's. */
public record OrganizationGroupAdded(String groupId) {
}
