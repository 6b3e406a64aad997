package cn.duban.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An undertaking unit (承办单位), e.g. a county bureau. */
@Entity
@Table(name = "org_unit")
public class Unit {

  @Id
  private String code;

  @Column(nullable = false)
  private String name;

  @Column(name = "group_id", nullable = false)
  private String groupId;

  protected Unit() {
  }

  public Unit(String code, String name) {
    this.code = code;
    this.name = name;
    this.groupId = Groups.ofUnit(code);
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getGroupId() {
    return groupId;
  }
}
