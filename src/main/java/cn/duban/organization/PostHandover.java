package cn.duban.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

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

  @Column(nullable = false)
  private String reason;

  @Column(name = "handed_at", nullable = false)
  private Instant handedAt;

  @Column(name = "handed_by", nullable = false)
  private String handedBy;

  protected PostHandover() {
  }

  public PostHandover(Long postId, String taskId, String taskName, String fromUser, String toUser, String reason,
      Instant handedAt, String handedBy) {
    this.postId = postId;
    this.taskId = taskId;
    this.taskName = taskName;
    this.fromUser = fromUser;
    this.toUser = toUser;
    this.reason = reason;
    this.handedAt = handedAt;
    this.handedBy = handedBy;
  }

  public Long getId() { return id; }
  public Long getPostId() { return postId; }
  public String getTaskId() { return taskId; }
  public String getTaskName() { return taskName; }
  public String getFromUser() { return fromUser; }
  public String getToUser() { return toUser; }
  public String getReason() { return reason; }
  public Instant getHandedAt() { return handedAt; }
  public String getHandedBy() { return handedBy; }
}
