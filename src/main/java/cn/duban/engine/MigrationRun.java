package cn.duban.engine;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One move of running instances from an older version of a process to the latest ({@link
 * InstanceMigration}): who started it, when, how many moved (or were queued in a batch) and every
 * instance that could not move, with its reasons.
 */
@Entity
@Table(name = "process_migration")
public class MigrationRun {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "process_key", nullable = false)
  private String processKey;

  @Column(name = "source_definition_id", nullable = false, length = 64)
  private String sourceDefinitionId;

  @Column(name = "source_version", nullable = false)
  private int sourceVersion;

  @Column(name = "target_definition_id", nullable = false, length = 64)
  private String targetDefinitionId;

  @Column(name = "target_version", nullable = false)
  private int targetVersion;

  @Column(nullable = false)
  private boolean asynchronous;

  @Column(nullable = false)
  private int moved;

  @Column(nullable = false)
  private int refused;

  /** The instances that could not move: "instance (business key): reason；reason", one a line. */
  @Column(length = 100000)
  private String refusals;

  @Column(name = "batch_id", length = 64)
  private String batchId;

  @Column(name = "started_by", nullable = false, length = 64)
  private String startedBy;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  protected MigrationRun() {
  }

  public MigrationRun(String processKey, String sourceDefinitionId, int sourceVersion, String targetDefinitionId,
      int targetVersion, boolean asynchronous, int moved, int refused, String refusals, String batchId,
      String startedBy, Instant startedAt) {
    this.processKey = processKey;
    this.sourceDefinitionId = sourceDefinitionId;
    this.sourceVersion = sourceVersion;
    this.targetDefinitionId = targetDefinitionId;
    this.targetVersion = targetVersion;
    this.asynchronous = asynchronous;
    this.moved = moved;
    this.refused = refused;
    this.refusals = refusals;
    this.batchId = batchId;
    this.startedBy = startedBy;
    this.startedAt = startedAt;
  }

  public Long getId() { return id; }
  public String getProcessKey() { return processKey; }
  public String getSourceDefinitionId() { return sourceDefinitionId; }
  public int getSourceVersion() { return sourceVersion; }
  public String getTargetDefinitionId() { return targetDefinitionId; }
  public int getTargetVersion() { return targetVersion; }
  public boolean isAsynchronous() { return asynchronous; }
  public int getMoved() { return moved; }
  public int getRefused() { return refused; }
  public String getRefusals() { return refusals; }
  public String getBatchId() { return batchId; }
  public String getStartedBy() { return startedBy; }
  public Instant getStartedAt() { return startedAt; }
}
