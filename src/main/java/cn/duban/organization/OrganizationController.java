package cn.duban.organization;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Units and people for administrators: added with their Camunda group, user, memberships and
 * access, and the forms' lists of units and people follow.
 */
@RestController
public class OrganizationController {

  private final OrganizationAdmin admin;
  private final OrganizationService organization;
  private final Access access;
  private final OrganizationForms forms;
  private final PostService posts;

  public OrganizationController(OrganizationAdmin admin, OrganizationService organization, Access access,
      OrganizationForms forms, PostService posts) {
    this.admin = admin;
    this.organization = organization;
    this.access = access;
    this.forms = forms;
    this.posts = posts;
  }

  public record UnitRequest(String code, String name) {
  }

  public record PersonRequest(String id, String name, String title, String unit, Set<Role> roles, String password) {
  }

  public record UnitView(String code, String name, String groupId) {
  }

  public record PersonView(String id, String name, String title, String unit, Set<Role> roles) {
  }

  /** R26: a post, who holds it, whether A is away, and every handover. */
  public record PostView(Long id, String unit, String unitName, String name, String holderA, String holderB,
      boolean aAway, Instant awaySince, String awayReason, String currentHolder, List<PostHandover> handovers) {
  }

  /** The posts the caller may see: all for the overseeing offices, else their own units'. */
  @GetMapping("/api/posts")
  public List<PostView> posts() {
    Viewer viewer = access.viewer().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录"));
    return posts.all().stream().filter(p -> viewer.overseesAll() || viewer.ofUnit(p.getUnitCode()))
        .map(p -> new PostView(p.getId(), p.getUnitCode(), organization.unitName(p.getUnitCode()), p.getName(),
            p.getHolderA(), p.getHolderB(), p.isAAway(), p.getAwaySince(), p.getAwayReason(), p.currentHolder(),
            posts.handovers(p.getId())))
        .toList();
  }

  @GetMapping("/api/units")
  public List<UnitView> units() {
    return organization.allUnits().stream().map(u -> new UnitView(u.getCode(), u.getName(), u.getGroupId())).toList();
  }

  @PostMapping("/api/units")
  @ResponseStatus(HttpStatus.CREATED)
  public UnitView addUnit(@RequestBody UnitRequest request) {
    requireAdmin();
    Unit u = admin.addUnit(request.code(), request.name());
    forms.refresh();
    return new UnitView(u.getCode(), u.getName(), u.getGroupId());
  }

  @PostMapping("/api/people")
  @ResponseStatus(HttpStatus.CREATED)
  public PersonView addPerson(@RequestBody PersonRequest request) {
    requireAdmin();
    Person p = admin.addPerson(request.id(), request.name(), request.title(), request.unit(), request.roles(),
        request.password());
    forms.refresh();
    return new PersonView(p.getId(), p.getName(), p.getTitle(), p.getUnitCode(), p.getRoles());
  }

  /** A post change: another unit (transfer), title or roles (promotion); R13 refuses it while a bar stands. */
  public record PostChangeRequest(String title, String unit, Set<Role> roles) {
  }

  @PutMapping("/api/people/{id}/post")
  public PersonView changePost(@PathVariable String id, @RequestBody PostChangeRequest request) {
    requireAdmin();
    Person p = admin.changePost(id, request.title(), request.unit(), request.roles());
    forms.refresh();
    return new PersonView(p.getId(), p.getName(), p.getTitle(), p.getUnitCode(), p.getRoles());
  }

  private void requireAdmin() {
    if (access.viewer().filter(v -> v.in(Groups.CAMUNDA_ADMIN)).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有系统管理员可以添加或调整单位和人员");
    }
  }
}
