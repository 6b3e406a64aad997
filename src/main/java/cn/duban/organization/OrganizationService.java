package cn.duban.organization;

import cn.duban.common.InputException;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Look-ups of units and people, with the Chinese message a person sees when one does not exist. */
@Service
@Transactional(noRollbackFor = InputException.class)
public class OrganizationService {

  private final UnitRepository units;
  private final PersonRepository people;

  public OrganizationService(UnitRepository units, PersonRepository people) {
    this.units = units;
    this.people = people;
  }

  public Unit unit(String field, String code) {
    if (code == null || code.isBlank()) {
      throw new InputException(field, "请选择单位（" + field + "）");
    }
    return units.findById(code).orElseThrow(
        () -> new InputException(field, "单位“" + code + "”不存在（" + field + "）"));
  }

  public Person person(String field, String id) {
    if (id == null || id.isBlank()) {
      throw new InputException(field, "请选择人员（" + field + "）");
    }
    return people.findById(id).orElseThrow(
        () -> new InputException(field, "人员“" + id + "”不存在（" + field + "）"));
  }

  public Optional<Person> findPerson(String id) {
    return id == null ? Optional.empty() : people.findById(id);
  }

  public Optional<Unit> findUnit(String code) {
    return code == null ? Optional.empty() : units.findById(code);
  }

  public String unitName(String code) {
    return findUnit(code).map(Unit::getName).orElse(code);
  }

  public String personName(String id) {
    return findPerson(id).map(Person::getName).orElse(id);
  }

  public List<Unit> allUnits() {
    return units.findAll(Sort.by("code"));
  }

  /** Every unit's code, for a step that goes to every unit (a multi-instance collection). */
  public List<String> unitCodes() {
    return allUnits().stream().map(Unit::getCode).toList();
  }

  public List<Person> allPeople() {
    return people.findAll(Sort.by("id"));
  }

  public List<Person> peopleWith(Role role) {
    return allPeople().stream().filter(p -> p.hasRole(role)).toList();
  }
}
