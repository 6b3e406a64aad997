package cn.duban.organization;

import java.util.List;

/** Who, beyond the offices that oversee all work, may see one process instance: groups and users. */
public record InstanceViewers(String processInstanceId, List<String> groups, List<String> users) {
}
