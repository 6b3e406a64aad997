package cn.duban.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** A person who works cases or is held responsible for them; the id is the Camunda user id. */
@Entity
@Table(name = "org_person")
public class Person {

  @Id
  private String id;

  @Column(nullable = false)
  private String name;

  private String title;

  @Column(name = "unit_code")
  private String unitCode;

  /** Comma-separated {@link Role} names. */
  @Column(nullable = false)
  private String roles;

  protected Person() {
  }

  public Person(String id, String name, String title, String unitCode, Set<Role> roles) {
    this.id = id;
    this.name = name;
    this.title = title;
    this.unitCode = unitCode;
    setRoles(roles);
  }

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getTitle() {
    return title;
  }

  public String getUnitCode() {
    return unitCode;
  }

  public Set<Role> getRoles() {
    if (roles.isBlank()) {
      return EnumSet.noneOf(Role.class);
    }
    return Arrays.stream(roles.split(",")).map(Role::valueOf)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
  }

  /** A name or title corrected in Camunda Admin; whether anything changed. */
  public boolean rename(String name, String title) {
    String newTitle = title == null || title.isBlank() ? null : title;  // Camunda keeps "" for none
    String oldTitle = this.title == null || this.title.isBlank() ? null : this.title;
    if (Objects.equals(this.name, name) && Objects.equals(oldTitle, newTitle)) {
      return false;
    }
    this.name = name;
    this.title = newTitle;
    return true;
  }

  /** R13: a transfer (another unit) or a promotion (another title or roles); whether anything changed. */
  public boolean changePost(String title, String unitCode, Set<Role> roles) {
    String newTitle = title == null || title.isBlank() ? null : title;
    String newRoles = roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    if (Objects.equals(this.title, newTitle) && Objects.equals(this.unitCode, unitCode)
        && this.roles.equals(newRoles)) {
      return false;
    }
    this.title = newTitle;
    this.unitCode = unitCode;
    this.roles = newRoles;
    return true;
  }

  public void setRoles(Set<Role> roles) {
    this.roles = roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
  }

  public boolean hasRole(Role role) {
    return getRoles().contains(role);
  }

  /** A county leader (分管领导 or 主要领导): who may be a case's leader in charge or instruct one. */
  public boolean isCountyLeader() {
    return hasRole(Role.LEADER) || hasRole(Role.PRINCIPAL_LEADER);
  }

  /** The person as people write him: 赵振邦（县长）. */
  public String label() {
    return name + (title == null ? "" : "（" + title + "）");
  }
}
