package cn.duban.organization;

import java.util.Optional;

/**
 * A rule of a domain that bars a person's post from changing for a while: the organisation asks
 * every such rule before a transfer or promotion ({@link OrganizationAdmin#changePost}), without
 * knowing the domains (R13: the head of a unit under rectification is implemented by the
 * accountability procedure).
 */
public interface PostChangeBar {

  /** Why the person may not be transferred or promoted now, in Chinese; empty when nothing bars it. */
  Optional<String> refusal(String personId);
}
