package cn.duban.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A year the ledger takes no more entries for: its assessment is published (R20). */
@Entity
@Table(name = "ledger_closed_year")
public class ClosedYear {

  @Id
  @Column(name = "score_year")
  private int year;

  @Column(name = "closed_at", nullable = false)
  private Instant closedAt;

  @Column(name = "closed_by")
  private String closedBy;

  protected ClosedYear() {
  }

  ClosedYear(int year, Instant closedAt, String closedBy) {
    this.year = year;
    this.closedAt = closedAt;
    this.closedBy = closedBy;
  }

  public int getYear() { return year; }
  public Instant getClosedAt() { return closedAt; }
  public String getClosedBy() { return closedBy; }
}
