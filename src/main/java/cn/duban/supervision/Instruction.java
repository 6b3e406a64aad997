package cn.duban.supervision;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;

/**
 * R28: the leader's written instruction (领导批示) a case comes from: who instructed (a person of
 * the organisation), what the instruction says, its document number (文号) and date. Only a case
 * whose source is 领导批示 has one.
 */
@Embeddable
public class Instruction {

  @Column(name = "instructing_leader")
  private String leader;

  @Column(name = "instruction_text", length = 4000)
  private String text;

  @Column(name = "instruction_number")
  private String documentNumber;

  @Column(name = "instruction_date")
  private LocalDate date;

  protected Instruction() {
  }

  Instruction(String leader, String text, String documentNumber, LocalDate date) {
    this.leader = leader;
    this.text = text;
    this.documentNumber = documentNumber;
    this.date = date;
  }

  public String getLeader() { return leader; }
  public String getText() { return text; }
  public String getDocumentNumber() { return documentNumber; }
  public LocalDate getDate() { return date; }
}
