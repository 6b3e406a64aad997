package cn.duban.complaint;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/** R17: one round of investigation: the first, and at most one re-investigation (R18). */
@Entity
@Table(name = "complaint_investigation", uniqueConstraints = @UniqueConstraint(columnNames = {"complaint_id", "round"}))
public class Investigation {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "complaint_id", nullable = false)
  private Long complaintId;

  @Column(nullable = false)
  private int round;

  @Column(nullable = false)
  private String handler;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Finding finding;

  @Column(nullable = false, length = 4000)
  private String evidence;

  @Column(name = "official_person")
  private String officialPerson;

  @Column(name = "proposed_reply", length = 2000)
  private String proposedReply;

  @Column(name = "investigated_at", nullable = false)
  private Instant investigatedAt;

  protected Investigation() {
  }

  public Investigation(Long complaintId, int round, String handler, Finding finding, String evidence,
      String officialPerson, String proposedReply, Instant investigatedAt) {
    this.complaintId = complaintId;
    this.round = round;
    this.handler = handler;
    this.finding = finding;
    this.evidence = evidence;
    this.officialPerson = officialPerson;
    this.proposedReply = proposedReply;
    this.investigatedAt = investigatedAt;
  }

  public Long getId() { return id; }
  public Long getComplaintId() { return complaintId; }
  public int getRound() { return round; }
  public String getHandler() { return handler; }
  public Finding getFinding() { return finding; }
  public String getEvidence() { return evidence; }
  public String getOfficialPerson() { return officialPerson; }
  public String getProposedReply() { return proposedReply; }
  public Instant getInvestigatedAt() { return investigatedAt; }
}
