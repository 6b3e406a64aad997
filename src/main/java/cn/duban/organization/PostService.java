package cn.duban.organization;

import static cn.duban.common.Inputs.text;

import cn.duban.calendar.LimitClock;
import cn.duban.common.Decision;
import cn.duban.common.InputException;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R26: A/B post holders. A task offered to a unit that has a post goes to the post's A holder,
 * or to its B holder while A is away; marking A away hands A's open tasks of the post to B, and
 * every handover is recorded. Returning, A gets the new work; what B took over stays with B.
 */
@Service
@Transactional(noRollbackFor = InputException.class)
public class PostService {

  private final PostRepository posts;
  private final PostHandoverRepository handovers;
  private final OrganizationService organization;
  private final TaskService tasks;
  private final LimitClock clock;
  private final JdbcTemplate jdbc;

  public PostService(PostRepository posts, PostHandoverRepository handovers, OrganizationService organization,
      TaskService tasks, LimitClock clock, JdbcTemplate jdbc) {
    this.posts = posts;
    this.handovers = handovers;
    this.organization = organization;
    this.tasks = tasks;
    this.clock = clock;
    this.jdbc = jdbc;
  }

  public Post addPost(String unitCode, String name, String holderA, String holderB) {
    Unit unit = organization.unit("unit", unitCode);
    Person a = organization.person("holderA", holderA);
    Person b = organization.person("holderB", holderB);
    if (!unit.getCode().equals(a.getUnitCode()) || !unit.getCode().equals(b.getUnitCode()) || a.equals(b)) {
      throw new InputException("holderB", "A岗和B岗须是" + unit.getName() + "的两个人（holderB）");
    }
    String postName = text("name", name, "岗位名称", 64);
    return posts.findByUnitCodeAndName(unit.getCode(), postName)
        .orElseGet(() -> posts.save(new Post(unit.getCode(), postName, a.getId(), b.getId())));
  }

  /**
   * Who a unit's new work goes to: the current holder of the post that takes the unit's tasks (its
   * first), or none for a unit without a post. Asked as every task is created, so it reads the
   * three columns it needs straight from the table, not the entity through a query.
   */
  @Transactional(readOnly = true)
  public Optional<String> holderOf(String unitCode) {
    return jdbc.query("select a_away, holder_a, holder_b from org_post where unit_code = ? order by id limit 1",
        (rs, row) -> Post.holder(rs.getBoolean(1), rs.getString(2), rs.getString(3)), unitCode).stream().findFirst();
  }

  public Post markAway(Long postId, String reason, String by) {
    Post post = mayChange(postId, by);
    if (post.isAAway()) {
      throw new InputException("postAction", "A岗" + organization.personName(post.getHolderA()) + "已登记离岗（postAction）");
    }
    String why = text("postReason", reason, "离岗事由", 500);
    post.markAway(clock.now(), why);
    posts.flush();  // a task created later in this transaction reads the holder with holderOf
    List<Task> open = tasks.createTaskQuery().taskAssignee(post.getHolderA())
        .taskCandidateGroup(Groups.ofUnit(post.getUnitCode())).includeAssignedTasks().list();
    for (Task t : open) {
      tasks.setAssignee(t.getId(), post.getHolderB());
      handovers.save(new PostHandover(post.getId(), t.getId(), t.getName(), post.getHolderA(), post.getHolderB(),
          Decision.of(by, clock.now(), "A岗离岗：" + why)));
    }
    return post;
  }

  public Post markBack(Long postId, String by) {
    Post post = mayChange(postId, by);
    if (!post.isAAway()) {
      throw new InputException("postAction", "A岗" + organization.personName(post.getHolderA()) + "未登记离岗（postAction）");
    }
    post.markBack();
    posts.flush();  // as in markAway
    handovers.save(new PostHandover(post.getId(), null, null, post.getHolderB(), post.getHolderA(),
        Decision.of(by, clock.now(), "A岗返岗，此后的工作由A岗办理")));
    return post;
  }

  @Transactional(readOnly = true)
  public List<PostHandover> handovers(Long postId) {
    return handovers.findByPostIdOrderByHandedAtAscIdAsc(postId);
  }

  @Transactional(readOnly = true)
  public List<Post> all() {
    return posts.findAll();
  }

  /** The holders themselves and the unit's head mark A away and back. */
  private Post mayChange(Long postId, String by) {
    Post post = postId == null ? null : posts.findById(postId).orElse(null);
    if (post == null) {
      throw new InputException("post", "请选择岗位（post）");
    }
    boolean head = organization.findPerson(by)
        .filter(p -> p.hasRole(Role.UNIT_HEAD) && post.getUnitCode().equals(p.getUnitCode())).isPresent();
    if (!by.equals(post.getHolderA()) && !by.equals(post.getHolderB()) && !head) {
      throw new InputException("post", "只有该岗位的A、B岗人员或单位负责人可以登记离岗、返岗（post）");
    }
    return post;
  }
}
