package cn.duban.organization;

import static cn.duban.common.FormValues.string;

import cn.duban.common.Actors;
import cn.duban.common.InputException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegate of post-absence.bpmn. */
@Configuration
public class PostDelegates {

  private final PostService posts;

  public PostDelegates(PostService posts) {
    this.posts = posts;
  }

  /** R26: A away (A's open tasks of the post go to B, recorded) or back. */
  @Bean
  public JavaDelegate recordPostAbsence() {
    return ex -> {
      String post = string(ex, "post");
      Long postId;
      try {
        postId = post == null ? null : Long.valueOf(post);
      } catch (NumberFormatException e) {
        throw new InputException("post", "请选择岗位（post）");
      }
      String action = string(ex, "postAction");
      if ("AWAY".equals(action)) {
        posts.markAway(postId, string(ex, "postReason"), Actors.of(ex));
      } else if ("BACK".equals(action)) {
        posts.markBack(postId, Actors.of(ex));
      } else {
        throw new InputException("postAction", "请选择A岗离岗或A岗返岗（postAction）");
      }
    };
  }
}
