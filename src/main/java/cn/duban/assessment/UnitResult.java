package cn.duban.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.math.BigDecimal;
import java.time.Instant;

/** A unit's score, rank and tier in a year (R20, R22), and what its place in the tiers led to. */
@Entity
@Table(name = "assessment_unit_result", uniqueConstraints = @UniqueConstraint(columnNames = {"assessment_year", "unit_code"}))
public class UnitResult {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "assessment_year", nullable = false)
  private int year;

  @Column(name = "unit_code", nullable = false)
  private String unitCode;

  @Column(name = "unit_name", nullable = false)
  private String unitName;

  @Column(nullable = false, precision = 8, scale = 2)
  private BigDecimal score;

  @Column(name = "unit_rank", nullable = false)
  private int rank;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Tier tier;

  @Column(name = "self_examination", length = 4000)
  private String selfExamination;

  @Column(name = "head_interview", length = 2000)
  private String headInterview;

  @Column(name = "head_interviewed_at")
  private Instant headInterviewedAt;

  /** R22: the unit head was interviewed twice within the year: the post is to be adjusted. */
  @Column(name = "post_adjustment_due", nullable = false)
  private boolean postAdjustmentDue;

  protected UnitResult() {
  }

  public UnitResult(int year, String unitCode, String unitName, BigDecimal score, int rank, Tier tier) {
    this.year = year;
    this.unitCode = unitCode;
    this.unitName = unitName;
    this.score = score;
    this.rank = rank;
    this.tier = tier;
  }

  public void selfExamined(String text) {
    this.selfExamination = text;
  }

  public void headInterviewed(String note, Instant at, boolean secondThisYear) {
    this.headInterview = note;
    this.headInterviewedAt = at;
    this.postAdjustmentDue = secondThisYear;
  }

  public Long getId() { return id; }
  public int getYear() { return year; }
  public String getUnitCode() { return unitCode; }
  public String getUnitName() { return unitName; }
  public BigDecimal getScore() { return score; }
  public int getRank() { return rank; }
  public Tier getTier() { return tier; }
  public String getSelfExamination() { return selfExamination; }
  public String getHeadInterview() { return headInterview; }
  public Instant getHeadInterviewedAt() { return headInterviewedAt; }
  public boolean isPostAdjustmentDue() { return postAdjustmentDue; }
}
