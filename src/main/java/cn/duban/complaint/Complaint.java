package cn.duban.complaint;

import cn.duban.organization.Groups;
import cn.duban.organization.InstanceViewers;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;

/** 投诉: a complaint of the public against a unit or an official, from intake to its closing. */
@Entity
@Table(name = "complaint")
public class Complaint {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Version
  private long version;

  /** What the complainant tracks the complaint by; the only key the public sees. */
  @Column(name = "tracking_code", nullable = false, unique = true)
  private String trackingCode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Channel channel;

  @Enumerated(EnumType.STRING)
  @Column(name = "complaint_type", nullable = false)
  private ComplaintType type;

  @Column(name = "unit_code", nullable = false)
  private String unitCode;

  /** The official as the complainant named him, if at all. */
  @Column(name = "official_name")
  private String officialName;

  @Column(nullable = false, length = 2000)
  private String content;

  @Column(name = "complainant_name")
  private String complainantName;

  @Column(name = "complainant_contact")
  private String complainantContact;

  @Column(nullable = false)
  private boolean anonymous;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  @Column(name = "received_by")
  private String receivedBy;

  @Column(name = "complaint_year", nullable = false)
  private int year;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ComplaintStatus status = ComplaintStatus.RECEIVED;

  @Enumerated(EnumType.STRING)
  private Routing routing;

  @Column(name = "routed_by")
  private String routedBy;

  /** The unit that investigates (交办, 督办). */
  @Column(name = "handling_unit")
  private String handlingUnit;

  @Column(name = "transferred_to")
  private String transferredTo;

  @Column(name = "investigation_limit_at")
  private Instant investigationLimitAt;

  /** R25: the investigation's limits were counted across a year without an official holiday table. */
  @Column(name = "limits_provisional", nullable = false)
  private boolean limitsProvisional;

  /** The finding that stands: the re-investigation's, when there was one. */
  @Enumerated(EnumType.STRING)
  private Finding finding;

  /** The official the investigation found responsible (a person of the organisation). */
  @Column(name = "official_person")
  private String officialPerson;

  @Column(length = 2000)
  private String reply;

  @Column(name = "replied_at")
  private Instant repliedAt;

  private Boolean satisfied;

  @Column(nullable = false)
  private boolean reinvestigated;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  protected Complaint() {
  }

  public Complaint(String trackingCode, Channel channel, ComplaintType type, String unitCode, String officialName,
      String content, String complainantName, String complainantContact, boolean anonymous, Instant receivedAt,
      String receivedBy, int year, String processInstanceId) {
    this.trackingCode = trackingCode;
    this.channel = channel;
    this.type = type;
    this.unitCode = unitCode;
    this.officialName = officialName;
    this.content = content;
    this.complainantName = complainantName;
    this.complainantContact = complainantContact;
    this.anonymous = anonymous;
    this.receivedAt = receivedAt;
    this.receivedBy = receivedBy;
    this.year = year;
    this.processInstanceId = processInstanceId;
  }

  /** Whether the complainant can be called back for the follow-up visit (R18). */
  public boolean reachable() {
    return !anonymous && complainantContact != null && !complainantContact.isBlank();
  }

  public void route(Routing routing, String handlingUnit, String transferredTo, Instant limitAt, String by) {
    this.routing = routing;
    this.handlingUnit = handlingUnit;
    this.transferredTo = transferredTo;
    this.investigationLimitAt = limitAt;
    this.routedBy = by;
    this.status = routing == Routing.TRANSFER ? ComplaintStatus.TRANSFERRED : ComplaintStatus.INVESTIGATING;
  }

  public void found(Finding finding, String officialPerson) {
    this.finding = finding;
    this.officialPerson = officialPerson;
  }

  public void replied(String reply, Instant at) {
    this.reply = reply;
    this.repliedAt = at;
    this.limitsProvisional = false;  // the investigation's limits are behind it
    if (status != ComplaintStatus.TRANSFERRED) {
      this.status = ComplaintStatus.REPLIED;
    }
  }

  public void followedUp(boolean satisfied) {
    this.satisfied = satisfied;
  }

  public void reinvestigate() {
    this.reinvestigated = true;
    this.status = ComplaintStatus.REINVESTIGATING;
  }

  public void close(Instant at) {
    this.closedAt = at;
    if (status != ComplaintStatus.TRANSFERRED) {
      this.status = ComplaintStatus.CLOSED;
    }
  }

  public Long getId() { return id; }
  public String getTrackingCode() { return trackingCode; }
  public Channel getChannel() { return channel; }
  public ComplaintType getType() { return type; }
  public String getUnitCode() { return unitCode; }
  public String getOfficialName() { return officialName; }
  public String getContent() { return content; }
  public String getComplainantName() { return complainantName; }
  public String getComplainantContact() { return complainantContact; }
  public boolean isAnonymous() { return anonymous; }
  public Instant getReceivedAt() { return receivedAt; }
  public String getReceivedBy() { return receivedBy; }
  public int getYear() { return year; }
  public ComplaintStatus getStatus() { return status; }
  public Routing getRouting() { return routing; }
  public String getRoutedBy() { return routedBy; }
  /** Who sees the complaint besides the overseeing offices and the complaint desk: the unit that investigates it. */
  public InstanceViewers viewers() {
    return new InstanceViewers(ComplaintDelegates.PROCESS_KEY, processInstanceId,
        handlingUnit == null ? List.of() : List.of(Groups.ofUnit(handlingUnit)), List.of());
  }

  public String getHandlingUnit() { return handlingUnit; }
  public String getTransferredTo() { return transferredTo; }
  public Instant getInvestigationLimitAt() { return investigationLimitAt; }
  public boolean isLimitsProvisional() { return limitsProvisional; }

  /** R25: the investigation's limit as counted again (a holiday table arrived); provisional or not. */
  public void relimit(Instant limitAt, boolean provisional) {
    this.investigationLimitAt = limitAt;
    this.limitsProvisional = provisional;
  }
  public Finding getFinding() { return finding; }
  public String getOfficialPerson() { return officialPerson; }
  public String getReply() { return reply; }
  public Instant getRepliedAt() { return repliedAt; }
  public Boolean getSatisfied() { return satisfied; }
  public boolean isReinvestigated() { return reinvestigated; }
  public Instant getClosedAt() { return closedAt; }
  public String getProcessInstanceId() { return processInstanceId; }
}
