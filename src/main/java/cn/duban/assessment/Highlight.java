package cn.duban.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** R23: a unit's highlight nominated in a half-year selection, and whether it was selected. */
@Entity
@Table(name = "highlight")
public class Highlight {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "highlight_year", nullable = false)
  private int year;

  /** 1 for January to June, 2 for July to December. */
  @Column(name = "half_year", nullable = false)
  private int half;

  @Column(name = "unit_code", nullable = false)
  private String unitCode;

  @Column(nullable = false)
  private String title;

  @Column(nullable = false, length = 2000)
  private String description;

  @Column(nullable = false)
  private boolean selected;

  @Column(name = "process_instance_id", nullable = false)
  private String processInstanceId;

  @Column(name = "nominated_at", nullable = false)
  private Instant nominatedAt;

  protected Highlight() {
  }

  public Highlight(int year, int half, String unitCode, String title, String description, String processInstanceId,
      Instant nominatedAt) {
    this.year = year;
    this.half = half;
    this.unitCode = unitCode;
    this.title = title;
    this.description = description;
    this.processInstanceId = processInstanceId;
    this.nominatedAt = nominatedAt;
  }

  public void select() {
    this.selected = true;
  }

  public Long getId() { return id; }
  public int getYear() { return year; }
  public int getHalf() { return half; }
  public String getUnitCode() { return unitCode; }
  public String getTitle() { return title; }
  public String getDescription() { return description; }
  public boolean isSelected() { return selected; }
  public String getProcessInstanceId() { return processInstanceId; }
  public Instant getNominatedAt() { return nominatedAt; }
}
