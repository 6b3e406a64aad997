package cn.duban.bulletin;

import cn.duban.common.InputException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * R34 督查通报: the figures of a period as they were computed when the bulletin was generated (a
 * JSON snapshot of {@link BulletinFigures}, never written again), the supervision office's comment
 * from the review, and, once published, who published it and when. A published bulletin never
 * changes: the snapshot column is not updatable, and the comment and publication refuse a second
 * write.
 */
@Entity
@Table(name = "bulletin")
public class Bulletin {

  /** The process that generates, reviews and publishes a bulletin, bulletin.bpmn. */
  public static final String PROCESS_KEY = "bulletin";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Version
  private long version;

  @Column(name = "period_from", nullable = false, updatable = false)
  private LocalDate periodFrom;

  @Column(name = "period_to", nullable = false, updatable = false)
  private LocalDate periodTo;

  @Column(nullable = false, updatable = false)
  private String title;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private BulletinStatus status;

  /** The computed figures, JSON of {@link BulletinFigures}: written once. */
  @Column(nullable = false, updatable = false, length = 1_000_000)
  private String figures;

  @Column(name = "computed_at", nullable = false, updatable = false)
  private Instant computedAt;

  /** Who asked for it; null when the monthly timer generated it. */
  @Column(name = "requested_by", updatable = false)
  private String requestedBy;

  @Column(name = "review_comment", length = 4000)
  private String comment;

  @Column(name = "reviewed_by")
  private String reviewedBy;

  @Column(name = "published_at")
  private Instant publishedAt;

  @Column(name = "published_by")
  private String publishedBy;

  @Column(name = "process_instance_id", updatable = false)
  private String processInstanceId;

  protected Bulletin() {
  }

  Bulletin(LocalDate from, LocalDate to, String title, String figures, Instant computedAt, String requestedBy,
      String processInstanceId) {
    this.periodFrom = from;
    this.periodTo = to;
    this.title = title;
    this.status = BulletinStatus.DRAFT;
    this.figures = figures;
    this.computedAt = computedAt;
    this.requestedBy = requestedBy;
    this.processInstanceId = processInstanceId;
  }

  /** The office's review: a comment beside the figures (blank: none), never a change of them. */
  void review(String comment, String by) {
    requireDraft("bulletinComment");
    this.comment = comment == null || comment.isBlank() ? null : comment.strip();
    this.reviewedBy = by;
  }

  /** Publishes the bulletin; false when it already was (a job run twice publishes once). */
  boolean publish(String by, Instant at) {
    if (status == BulletinStatus.PUBLISHED) {
      return false;
    }
    status = BulletinStatus.PUBLISHED;
    publishedBy = by;
    publishedAt = at;
    return true;
  }

  private void requireDraft(String field) {
    if (status == BulletinStatus.PUBLISHED) {
      throw new InputException(field, "督查通报“" + title + "”已发布，不能再修改（" + field + "）");
    }
  }

  public boolean published() {
    return status == BulletinStatus.PUBLISHED;
  }

  public Long getId() { return id; }
  public long getVersion() { return version; }
  public LocalDate getPeriodFrom() { return periodFrom; }
  public LocalDate getPeriodTo() { return periodTo; }
  public String getTitle() { return title; }
  public BulletinStatus getStatus() { return status; }
  public String getFigures() { return figures; }
  public Instant getComputedAt() { return computedAt; }
  public String getRequestedBy() { return requestedBy; }
  public String getComment() { return comment; }
  public String getReviewedBy() { return reviewedBy; }
  public Instant getPublishedAt() { return publishedAt; }
  public String getPublishedBy() { return publishedBy; }
  public String getProcessInstanceId() { return processInstanceId; }
}
