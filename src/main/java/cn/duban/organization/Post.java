package cn.duban.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** R26: a post of a unit (e.g. 督办联络员) with its A holder and its B holder, who stands in while A is away. */
@Entity
@Table(name = "org_post")
public class Post {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Version
  private long version;

  @Column(name = "unit_code", nullable = false)
  private String unitCode;

  @Column(nullable = false)
  private String name;

  @Column(name = "holder_a", nullable = false)
  private String holderA;

  @Column(name = "holder_b", nullable = false)
  private String holderB;

  @Column(name = "a_away", nullable = false)
  private boolean aAway;

  @Column(name = "away_since")
  private Instant awaySince;

  @Column(name = "away_reason")
  private String awayReason;

  protected Post() {
  }

  public Post(String unitCode, String name, String holderA, String holderB) {
    this.unitCode = unitCode;
    this.name = name;
    this.holderA = holderA;
    this.holderB = holderB;
  }

  /** Who the post's work goes to now. */
  public String currentHolder() {
    return holder(aAway, holderA, holderB);
  }

  static String holder(boolean aAway, String holderA, String holderB) {
    return aAway ? holderB : holderA;
  }

  void markAway(Instant at, String reason) {
    this.aAway = true;
    this.awaySince = at;
    this.awayReason = reason;
  }

  void markBack() {
    this.aAway = false;
    this.awaySince = null;
    this.awayReason = null;
  }

  public Long getId() { return id; }
  public String getUnitCode() { return unitCode; }
  public String getName() { return name; }
  public String getHolderA() { return holderA; }
  public String getHolderB() { return holderB; }
  public boolean isAAway() { return aAway; }
  public Instant getAwaySince() { return awaySince; }
  public String getAwayReason() { return awayReason; }
}
