package cn.duban.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A limit, timer or task due date that re-timing moved: the report of a holiday table's arrival
 * (or of the nightly confirmation of provisional limits, without a table).
 */
@Entity
@Table(name = "limit_adjustment")
public class LimitAdjustment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "holiday_table_id")
  private Long holidayTableId;

  @Column(name = "process_instance_id", nullable = false)
  private String processInstanceId;

  /** The case number, complaint code or procedure the limit belongs to. */
  @Column(nullable = false)
  private String subject;

  @Column(nullable = false)
  private String what;

  @Column(name = "old_at")
  private Instant oldAt;

  @Column(name = "new_at")
  private Instant newAt;

  @Column(name = "adjusted_at", nullable = false)
  private Instant adjustedAt;

  protected LimitAdjustment() {
  }

  LimitAdjustment(Long holidayTableId, String processInstanceId, String subject, LimitChange change,
      Instant adjustedAt) {
    this.holidayTableId = holidayTableId;
    this.processInstanceId = processInstanceId;
    this.subject = subject.length() > 64 ? subject.substring(0, 64) : subject;
    this.what = change.what().length() > 255 ? change.what().substring(0, 255) : change.what();
    this.oldAt = change.before();
    this.newAt = change.after();
    this.adjustedAt = adjustedAt;
  }

  public Long getId() { return id; }
  public Long getHolidayTableId() { return holidayTableId; }
  public String getProcessInstanceId() { return processInstanceId; }
  public String getSubject() { return subject; }
  public String getWhat() { return what; }
  public Instant getOldAt() { return oldAt; }
  public Instant getNewAt() { return newAt; }
  public Instant getAdjustedAt() { return adjustedAt; }
}
