package cn.duban.organization;

import java.util.List;

/**
 * Who may read one process instance and the records it works on, beyond the offices that oversee
 * all work and the office that owns the process ({@link Groups#OWNERS}): its groups and users. The
 * one statement of it for a record: {@link Access#grant} makes Camunda's grants from it, and the
 * project's API asks {@link Viewer#mayRead} of it.
 */
public record InstanceViewers(String processKey, String processInstanceId, List<String> groups, List<String> users) {
}
