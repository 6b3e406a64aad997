package cn.duban.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/** A year's assessment: computed as a draft, reviewed, then published and closed for good. */
@Entity
@Table(name = "assessment_year")
public class AssessmentYear {

  @Id
  @Column(name = "assessment_year")
  private Integer year;

  @Version
  private long version;

  @Column(name = "base_score", nullable = false, precision = 8, scale = 2)
  private BigDecimal baseScore;

  @Column(name = "computed_at", nullable = false)
  private Instant computedAt;

  @Column(name = "published_at")
  private Instant publishedAt;

  @Column(name = "published_by")
  private String publishedBy;

  protected AssessmentYear() {
  }

  public AssessmentYear(int year, BigDecimal baseScore, Instant computedAt) {
    this.year = year;
    this.baseScore = baseScore;
    this.computedAt = computedAt;
  }

  public boolean published() {
    return publishedAt != null;
  }

  public void recomputed(BigDecimal baseScore, Instant at) {
    requireDraft();
    this.baseScore = baseScore;
    this.computedAt = at;
  }

  public void publish(Instant at, String by) {
    requireDraft();
    this.publishedAt = at;
    this.publishedBy = by;
  }

  void requireDraft() {
    if (published()) {
      throw new IllegalStateException(year + " is published and closed");
    }
  }

  public int getYear() { return year; }
  public BigDecimal getBaseScore() { return baseScore; }
  public Instant getComputedAt() { return computedAt; }
  public Instant getPublishedAt() { return publishedAt; }
  public String getPublishedBy() { return publishedBy; }
}
