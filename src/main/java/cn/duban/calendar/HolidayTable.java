package cn.duban.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One revision of a year's holiday table; the newest revision of a year is in force, the older ones are kept. */
@Entity
@Table(name = "holiday_table")
public class HolidayTable {

  /** Where a revision came from. */
  public enum Origin {
    BUILT_IN("内置"), FILE("文件导入"), ENTERED("页面录入");

    private final String label;

    Origin(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  static final int CONTENT_MAX = 8000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "table_year", nullable = false)
  private int year;

  @Column(nullable = false)
  private int revision;

  /** The table as entered, comments and all. */
  @Column(nullable = false, length = CONTENT_MAX)
  private String content;

  /** The notice it transcribes, e.g. 国办发明电〔2026〕N号. */
  private String source;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Origin origin;

  @Column(name = "entered_by", nullable = false)
  private String enteredBy;

  @Column(name = "entered_at", nullable = false)
  private Instant enteredAt;

  protected HolidayTable() {
  }

  HolidayTable(int year, int revision, String content, String source, Origin origin, String enteredBy,
      Instant enteredAt) {
    this.year = year;
    this.revision = revision;
    this.content = content;
    this.source = source;
    this.origin = origin;
    this.enteredBy = enteredBy;
    this.enteredAt = enteredAt;
  }

  public Long getId() { return id; }
  public int getYear() { return year; }
  public int getRevision() { return revision; }
  public String getContent() { return content; }
  public String getSource() { return source; }
  public Origin getOrigin() { return origin; }
  public String getEnteredBy() { return enteredBy; }
  public Instant getEnteredAt() { return enteredAt; }

  HolidaySchedule schedule() {
    return HolidaySchedule.parse(year, content);
  }
}
