package cn.duban.organization;

import cn.duban.common.Decision;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** R26: a task of a post handed from one holder to the other, and why. */
@Entity
@Table(name = "post_handover")
public class PostHandover {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "post_id", nullable = false)
  private Long postId;

  @Column(name = "task_id")
  private String taskId;

  @Column(name = "task_name")
  private String taskName;

  @Column(name = "from_user", nullable = false)
  private String fromUser;

  @Column(name = "to_user", nullable = false)
  private String toUser;

  /** Who handed the work over, when, and why (A away, A back). */
  @Embedded
  @AttributeOverride(name = "by", column = @Column(name = "handed_by", nullable = false))
  @AttributeOverride(name = "at", column = @Column(name = "handed_at", nullable = false))
  @AttributeOverride(name = "comment", column = @Column(name = "reason", nullable = false))
  private Decision handed;

  protected PostHandover() {
  }

  public PostHandover(Long postId, String taskId, String taskName, String fromUser, String toUser, Decision handed) {
    this.postId = postId;
    this.taskId = taskId;
    this.taskName = taskName;
    this.fromUser = fromUser;
    this.toUser = toUser;
    this.handed = handed;
  }

  public Long getId() { return id; }
  public Long getPostId() { return postId; }
  public String getTaskId() { return taskId; }
  public String getTaskName() { return taskName; }
  public String getFromUser() { return fromUser; }
  public String getToUser() { return toUser; }
  public Decision getHanded() { return handed; }
}
