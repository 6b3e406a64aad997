package cn.duban.supervision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last case number given out in a year; locked by the update that takes the next. */
@Entity
@Table(name = "case_number_counter")
public class CaseNumberCounter {

  @Id
  @Column(name = "counter_year")
  private Integer year;

  @Column(name = "last_number", nullable = false)
  private int lastNumber;

  protected CaseNumberCounter() {
  }

  public CaseNumberCounter(int year) {
    this.year = year;
  }

  public int getLastNumber() {
    return lastNumber;
  }
}
