package cn.duban.engine;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A model the application ships in a changed version that it did not deploy, because the latest
 * deployed version came from someone else (an analyst): open until resolved ({@link ShippedModels}).
 */
@Entity
@Table(name = "model_conflict")
public class ModelConflict {

  /** How a conflict ended. */
  public enum Resolution {
    /** The deployed version stays: the analyst has taken the release's change into it (or decided against it). */
    KEPT("保留已部署版本"),
    /** The shipped version was deployed over the analyst's. */
    ACCEPTED("采用新版本"),
    /** A later release ships yet another version of the file: that one is the question now. */
    SUPERSEDED("已被更新的版本取代");

    private final String label;

    Resolution(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "resource_name", nullable = false)
  private String resourceName;

  @Column(name = "shipped_hash", nullable = false)
  private String shippedHash;

  @Column(name = "definition_keys", nullable = false)
  private String definitionKeys;

  @Column(name = "deployment_id", nullable = false)
  private String deploymentId;

  @Column(name = "deployment_name")
  private String deploymentName;

  @Column(name = "deployment_source")
  private String deploymentSource;

  @Column(name = "deployed_by")
  private String deployedBy;

  @Column(name = "deployed_at")
  private Instant deployedAt;

  @Column(name = "detected_at", nullable = false)
  private Instant detectedAt;

  @Enumerated(EnumType.STRING)
  private Resolution resolution;

  @Column(name = "resolved_by")
  private String resolvedBy;

  @Column(name = "resolved_at")
  private Instant resolvedAt;

  protected ModelConflict() {
  }

  ModelConflict(String resourceName, String shippedHash, String definitionKeys, Instant detectedAt) {
    this.resourceName = resourceName;
    this.shippedHash = shippedHash;
    this.definitionKeys = definitionKeys;
    this.detectedAt = detectedAt;
  }

  /** The deployment that holds the latest version, as it is now. */
  void latest(String id, String name, String source, String by, Instant at) {
    this.deploymentId = id;
    this.deploymentName = name;
    this.deploymentSource = source;
    this.deployedBy = by;
    this.deployedAt = at;
  }

  void resolve(Resolution how, String by, Instant at) {
    this.resolution = how;
    this.resolvedBy = by;
    this.resolvedAt = at;
  }

  void reopen() {
    resolve(null, null, null);
  }

  public boolean isOpen() {
    return resolution == null;
  }

  public Long getId() { return id; }
  public String getResourceName() { return resourceName; }
  public String getShippedHash() { return shippedHash; }
  public String getDefinitionKeys() { return definitionKeys; }
  public String getDeploymentId() { return deploymentId; }
  public String getDeploymentName() { return deploymentName; }
  public String getDeploymentSource() { return deploymentSource; }
  public String getDeployedBy() { return deployedBy; }
  public Instant getDeployedAt() { return deployedAt; }
  public Instant getDetectedAt() { return detectedAt; }
  public Resolution getResolution() { return resolution; }
  public String getResolvedBy() { return resolvedBy; }
  public Instant getResolvedAt() { return resolvedAt; }
}
