package cn.duban.supervision;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hibernate.annotations.BatchSize;

/**
 * R29: 分解立项的母事项. A meeting's decision, a document, a work plan or a leader's instruction of
 * several parts, registered once with its source, then split into supervision cases (its
 * children), each a full case with its own number, units, responsible person, deadline, milestones
 * and checklist. It holds no state of its own beyond its children: its progress is theirs
 * ({@link Breakdown#progress}).
 */
@Entity
@Table(name = "parent_item")
public class ParentItem {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Version
  private long version;

  @Column(nullable = false)
  private String title;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private CaseSource source;

  /** 文号 of the document, the meeting's minutes or the instruction; required of an instruction (R28). */
  @Column(name = "document_number")
  private String documentNumber;

  /** The date of the document, meeting or instruction; required of an instruction (R28). */
  @Column(name = "issued_on")
  private LocalDate issuedOn;

  @Column(nullable = false, length = 4000)
  private String content;

  /** The leader in charge of the whole; a child names its own or takes this one. */
  @Column(name = "leader_in_charge", nullable = false)
  private String leaderInCharge;

  /** R28: of a parent from 领导批示, the leader who gave the instruction its children carry; else null. */
  @Column(name = "instructing_leader")
  private String instructingLeader;

  /** No child may be due later. */
  @Column(nullable = false)
  private LocalDate deadline;

  @Column(name = "registered_at", nullable = false)
  private Instant registeredAt;

  @Column(name = "registered_by")
  private String registeredBy;

  /**
   * The children's case ids, in the order they were registered (sheet rows, form rows). A list of
   * parents reads theirs a hundred parents to a statement, not one statement each.
   */
  @ElementCollection(fetch = FetchType.EAGER)
  @BatchSize(size = 100)
  @CollectionTable(name = "parent_item_child", joinColumns = @JoinColumn(name = "parent_id"))
  @OrderColumn(name = "child_order")
  @Column(name = "case_id", nullable = false)
  private List<Long> childCaseIds = new ArrayList<>();

  protected ParentItem() {
  }

  ParentItem(String title, CaseSource source, String documentNumber, LocalDate issuedOn, String content,
      String leaderInCharge, String instructingLeader, LocalDate deadline, Instant registeredAt, String registeredBy) {
    this.title = title;
    this.source = source;
    this.documentNumber = documentNumber;
    this.issuedOn = issuedOn;
    this.content = content;
    this.leaderInCharge = leaderInCharge;
    this.instructingLeader = instructingLeader;
    this.deadline = deadline;
    this.registeredAt = registeredAt;
    this.registeredBy = registeredBy;
  }

  void addChild(Long caseId) {
    childCaseIds.add(caseId);
  }

  public Long getId() { return id; }
  public String getTitle() { return title; }
  public CaseSource getSource() { return source; }
  public String getDocumentNumber() { return documentNumber; }
  public LocalDate getIssuedOn() { return issuedOn; }
  public String getContent() { return content; }
  public String getLeaderInCharge() { return leaderInCharge; }
  public String getInstructingLeader() { return instructingLeader; }
  public LocalDate getDeadline() { return deadline; }
  public Instant getRegisteredAt() { return registeredAt; }
  public String getRegisteredBy() { return registeredBy; }
  public List<Long> getChildCaseIds() { return Collections.unmodifiableList(childCaseIds); }
}
