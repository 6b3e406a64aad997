package cn.duban.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** R27: days a leader spent at the front line (一线工作日). */
@Entity
@Table(name = "front_line_record")
public class FrontLineRecord {

  /** The longest stay one record may hold. */
  public static final int MAX_DAYS = 31;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "person_id", nullable = false)
  private String personId;

  @Column(name = "start_date", nullable = false)
  private LocalDate startDate;

  @Column(nullable = false)
  private int days;

  @Column(nullable = false)
  private String place;

  @Column(nullable = false, length = 2000)
  private String work;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  protected FrontLineRecord() {
  }

  public FrontLineRecord(String personId, LocalDate startDate, int days, String place, String work, Instant recordedAt) {
    this.personId = personId;
    this.startDate = startDate;
    this.days = days;
    this.place = place;
    this.work = work;
    this.recordedAt = recordedAt;
  }

  public Long getId() { return id; }
  /** The last day of the stay. */
  public LocalDate endDate() {
    return startDate.plusDays(days - 1L);
  }

  /** How many of the stay's days fall between two days, both included. */
  public int daysWithin(LocalDate from, LocalDate to) {
    LocalDate first = startDate.isBefore(from) ? from : startDate;
    LocalDate last = endDate().isAfter(to) ? to : endDate();
    return last.isBefore(first) ? 0 : (int) ChronoUnit.DAYS.between(first, last) + 1;
  }

  public String getPersonId() { return personId; }
  public LocalDate getStartDate() { return startDate; }
  public int getDays() { return days; }
  public String getPlace() { return place; }
  public String getWork() { return work; }
  public Instant getRecordedAt() { return recordedAt; }
}
