package cn.duban.organization;

import cn.duban.common.InputException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Look-ups of units and people, with the Chinese message a person sees when one does not exist.
 * The organisation is small and changes rarely, while every step of a case names its units and
 * people: look-ups read a snapshot of both tables, taken again when it is {@link #SNAPSHOT_AGE}
 * old (another node's changes arrive within it), at once after a change made here
 * ({@link #forget}), and once more before a name is refused as unknown.
 */
@Service
@Transactional(noRollbackFor = InputException.class)
public class OrganizationService {

  static final Duration SNAPSHOT_AGE = Duration.ofSeconds(30);

  private final UnitRepository units;
  private final PersonRepository people;
  private volatile Snapshot snapshot;

  public OrganizationService(UnitRepository units, PersonRepository people) {
    this.units = units;
    this.people = people;
  }

  private record Snapshot(Map<String, Unit> units, Map<String, Person> people, long takenAt) {

    boolean fresh() {
      return System.nanoTime() - takenAt < SNAPSHOT_AGE.toNanos();
    }
  }

  private Snapshot snapshot() {
    Snapshot s = snapshot;
    return s != null && s.fresh() ? s : take();
  }

  private Snapshot take() {
    Map<String, Unit> u = new LinkedHashMap<>();
    units.findAll(Sort.by("code")).forEach(x -> u.put(x.getCode(), x));
    Map<String, Person> p = new LinkedHashMap<>();
    people.findAll(Sort.by("id")).forEach(x -> p.put(x.getId(), x));
    Snapshot s = new Snapshot(Collections.unmodifiableMap(u), Collections.unmodifiableMap(p), System.nanoTime());
    snapshot = s;
    return s;
  }

  /**
   * Units or people were added or renamed here: the next look-up reads the tables again, and so
   * does the first after this transaction commits (a look-up in between would see the old rows).
   */
  public void forget() {
    snapshot = null;
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          snapshot = null;
        }
      });
    }
  }

  public Unit unit(String field, String code) {
    if (code == null || code.isBlank()) {
      throw new InputException(field, "请选择单位（" + field + "）");
    }
    return findUnit(code).orElseThrow(
        () -> new InputException(field, "单位“" + code + "”不存在（" + field + "）"));
  }

  public Person person(String field, String id) {
    if (id == null || id.isBlank()) {
      throw new InputException(field, "请选择人员（" + field + "）");
    }
    return findPerson(id).orElseThrow(
        () -> new InputException(field, "人员“" + id + "”不存在（" + field + "）"));
  }

  public Optional<Person> findPerson(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Person p = snapshot().people().get(id);
    // one that was added on another node a moment ago: look again before calling it unknown
    return p != null ? Optional.of(p) : Optional.ofNullable(take().people().get(id));
  }

  public Optional<Unit> findUnit(String code) {
    if (code == null) {
      return Optional.empty();
    }
    Unit u = snapshot().units().get(code);
    return u != null ? Optional.of(u) : Optional.ofNullable(take().units().get(code));
  }

  public String unitName(String code) {
    return findUnit(code).map(Unit::getName).orElse(code);
  }

  public String personName(String id) {
    return findPerson(id).map(Person::getName).orElse(id);
  }

  public List<Unit> allUnits() {
    return List.copyOf(snapshot().units().values());
  }

  /** Every unit's code, for a step that goes to every unit (a multi-instance collection). */
  public List<String> unitCodes() {
    return allUnits().stream().map(Unit::getCode).toList();
  }

  public List<Person> allPeople() {
    return List.copyOf(snapshot().people().values());
  }

  public List<Person> peopleWith(Role role) {
    return allPeople().stream().filter(p -> p.hasRole(role)).toList();
  }
}
