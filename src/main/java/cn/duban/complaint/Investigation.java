package cn.duban.complaint;

import cn.duban.common.Decision;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

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


  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Finding finding;

  /** Who investigated, when, and the evidence found. */
  @Embedded
  @AttributeOverride(name = "by", column = @Column(name = "handler", nullable = false))
  @AttributeOverride(name = "at", column = @Column(name = "investigated_at", nullable = false))
  @AttributeOverride(name = "comment", column = @Column(name = "evidence", nullable = false, length = 4000))
  private Decision investigated;

  @Column(name = "official_person")
  private String officialPerson;

  @Column(name = "proposed_reply", length = 2000)
  private String proposedReply;


  protected Investigation() {
  }

  public Investigation(Long complaintId, int round, Finding finding, String officialPerson, String proposedReply,
      Decision investigated) {
    this.complaintId = complaintId;
    this.round = round;
    this.finding = finding;
    this.officialPerson = officialPerson;
    this.proposedReply = proposedReply;
    this.investigated = investigated;
  }

  public Long getId() { return id; }
  public Long getComplaintId() { return complaintId; }
  public int getRound() { return round; }
  /** Who investigated, when, and the evidence. */
  public Decision getInvestigated() { return investigated; }
  public String getHandler() { return investigated.by(); }
  public Finding getFinding() { return finding; }
  public String getEvidence() { return investigated.comment(); }
  public String getOfficialPerson() { return officialPerson; }
  public String getProposedReply() { return proposedReply; }

}
