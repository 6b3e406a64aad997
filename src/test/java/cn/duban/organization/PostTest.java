package cn.duban.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.common.InputException;
import cn.duban.ProcessTestSupport;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * R26: the housing bureau's liaison post, A zjj-lin and B zjj-he. A context of its own: marking
 * the post's holder away would change whom the shared context's cases are assigned to.
 */
@TestPropertySource(properties = "camunda.bpm.generate-unique-process-engine-name=true")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PostTest extends ProcessTestSupport {

  @Autowired PostService posts;
  @Autowired PostRepository postRepository;

  @Test
  @DisplayName("R26 a post's task goes to A; B takes it only when A is marked away, and the handover is recorded; A back, new work is A's")
  void abPost() {
    setClock(LocalDateTime.of(2026, 3, 2, 9, 0));
    Post post = postRepository.findByUnitCodeAndName("zjj", "督办联络员").orElseThrow();
    ProcessInstance first = register();
    assertThat(task(first, "signFor").getAssignee()).isEqualTo("zjj-lin");
    // B cannot take A's work while A is there
    authenticate("zjj-he");
    try {
      assertThatThrownBy(() -> tasks.claim(task(first, "signFor").getId(), "zjj-he"))
          .isInstanceOf(TaskAlreadyClaimedException.class);
    } finally {
      identity.clearAuthentication();
    }

    // someone of another unit cannot mark A away
    assertThatThrownBy(() -> absence("jtj-xu", post, "AWAY", "出差")).isInstanceOf(InputException.class)
        .hasMessageContaining("只有该岗位的A、B岗人员或单位负责人");
    absence("zjj-lin", post, "AWAY", "赴省参加培训，3月9日返岗");
    assertThat(task(first, "signFor").getAssignee()).isEqualTo("zjj-he");
    assertThat(posts.handovers(post.getId())).singleElement().satisfies(h -> {
      assertThat(h.getFromUser()).isEqualTo("zjj-lin");
      assertThat(h.getToUser()).isEqualTo("zjj-he");
      assertThat(h.getTaskName()).isEqualTo("签收督办事项");
      assertThat(h.getHanded().comment()).contains("赴省参加培训");
      assertThat(h.getHanded().by()).isEqualTo("zjj-lin");
    });
    assertThatThrownBy(() -> absence("zjj-he", post, "AWAY", "again")).isInstanceOf(InputException.class)
        .hasMessageContaining("已登记离岗");

    // while A is away, new work goes to B
    ProcessInstance second = register();
    assertThat(task(second, "signFor").getAssignee()).isEqualTo("zjj-he");

    absence("zjj-lin", post, "BACK", null);
    ProcessInstance third = register();
    assertThat(task(third, "signFor").getAssignee()).isEqualTo("zjj-lin");
    assertThat(task(first, "signFor").getAssignee()).as("what B took over stays with B").isEqualTo("zjj-he");
    assertThat(posts.handovers(post.getId())).hasSize(2).last().extracting(h -> h.getHanded().comment()).asString()
        .contains("A岗返岗");
  }

  private void absence(String user, Post post, String action, String reason) {
    Map<String, Object> form = new HashMap<>(Map.of("post", post.getId().toString(), "postAction", action));
    if (reason != null) {
      form.put("postReason", reason);
    }
    start("post-absence", user, form);
  }
}
