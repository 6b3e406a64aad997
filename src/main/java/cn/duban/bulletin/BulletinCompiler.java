package cn.duban.bulletin;

import cn.duban.bulletin.BulletinFigures.Item;
import cn.duban.bulletin.BulletinFigures.Ranked;
import cn.duban.bulletin.BulletinFigures.UnitLine;
import cn.duban.calendar.LimitClock;
import cn.duban.ledger.LedgerEntry;
import cn.duban.ledger.LedgerRepository;
import cn.duban.ledger.SubjectType;
import cn.duban.notice.Notice;
import cn.duban.notice.NoticeKind;
import cn.duban.notice.NoticeRepository;
import cn.duban.organization.OrganizationService;
import cn.duban.organization.Unit;
import cn.duban.supervision.CaseCharts;
import cn.duban.supervision.CaseScoring;
import cn.duban.supervision.SupervisionCase;
import cn.duban.supervision.SupervisionCaseRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * R34: computes a bulletin's figures for a period from the cases, the notices and the score
 * ledger. Per unit (the lead unit of a case): the cases registered in the period, closed in it on
 * time and late, open and overdue at its end, the yellow and red notices issued to it in it, and
 * the points booked for it in it; the units ranked by their points (then their on-time rate, then
 * fewer overdue and red notices), the best and the worst of them named; the items praised and
 * criticised, from the ledger's entries of the rules the settings name. Reads only: nothing of
 * this runs in a case's transaction.
 */
@Component
public class BulletinCompiler {

  private final SupervisionCaseRepository cases;
  private final NoticeRepository notices;
  private final LedgerRepository ledger;
  private final OrganizationService organization;
  private final LimitClock clock;
  private final BulletinProperties properties;

  public BulletinCompiler(SupervisionCaseRepository cases, NoticeRepository notices, LedgerRepository ledger,
      OrganizationService organization, LimitClock clock, BulletinProperties properties) {
    this.cases = cases;
    this.notices = notices;
    this.ledger = ledger;
    this.organization = organization;
    this.clock = clock;
    this.properties = properties;
  }

  /** The figures of the period from {@code from} to {@code to}, both days included, as of now. */
  @Transactional(readOnly = true)
  public BulletinFigures compute(LocalDate from, LocalDate to) {
    ZoneId zone = clock.zone();
    Instant start = from.atStartOfDay(zone).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
    List<SupervisionCase> counted = cases.findCountedIn(start, end);
    YearMonth lastMonth = YearMonth.from(to);
    Instant chartsFrom = lastMonth.minusMonths(11).atDay(1).atStartOfDay(zone).toInstant();
    List<SupervisionCase> charted = cases.findRegisteredOrClosedSince(chartsFrom).stream()
        .filter(c -> c.getRegisteredAt().isBefore(end)).toList();
    List<Notice> issued = notices.findByIssuedAtGreaterThanEqualAndIssuedAtLessThan(start, end);
    Set<Integer> years = IntStream.rangeClosed(from.getYear(), to.getYear()).boxed().collect(Collectors.toSet());
    List<LedgerEntry> booked = ledger.findByYearInAndBookedAtGreaterThanEqualAndBookedAtLessThanOrderByBookedAtAscIdAsc(
        years, start, end);
    return compute(from, to, zone, clock.now(), counted, charted, issued, booked, names(organization.allUnits()),
        properties);
  }

  /**
   * The figures from what the period holds: {@code counted}, the cases registered before its end
   * and not closed or withdrawn before its start; {@code charted}, the cases of the charts' twelve
   * months; the notices issued and the entries booked in it; the units by code, in the order the
   * bulletin lists those with nothing to report.
   */
  static BulletinFigures compute(LocalDate from, LocalDate to, ZoneId zone, Instant now,
      Collection<SupervisionCase> counted, Collection<SupervisionCase> charted, Collection<Notice> issued,
      Collection<LedgerEntry> booked, Map<String, String> unitNames, BulletinProperties properties) {
    Instant start = from.atStartOfDay(zone).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
    Function<String, String> name = code -> unitNames.getOrDefault(code, code);
    Map<String, Tally> tallies = new LinkedHashMap<>();
    unitNames.keySet().forEach(code -> tallies.put(code, new Tally()));
    Map<String, String> titles = new HashMap<>();
    for (SupervisionCase c : counted) {
      titles.put(c.getCaseNumber(), c.getTitle());
      Tally t = tallies.computeIfAbsent(c.getLeadUnit(), u -> new Tally());
      if (within(c.getRegisteredAt(), start, end)) {
        t.registered++;
      }
      if (within(c.getClosedAt(), start, end)) {
        if (Boolean.TRUE.equals(c.getClosedOnTime())) {
          t.closedOnTime++;
        } else {
          t.closedLate++;
        }
      }
      boolean closedBefore = c.getClosedAt() != null && c.getClosedAt().isBefore(end);
      boolean withdrawnBefore = c.getWithdrawnAt() != null && c.getWithdrawnAt().isBefore(end);
      if (c.getRegisteredAt().isBefore(end) && !closedBefore && !withdrawnBefore) {
        t.open++;
        if (c.getDeadlineAt().isBefore(end)) {
          t.overdue++;
        }
      }
    }
    // a notice names its addressee by name: it counts for the unit that led its case (or bears that name)
    Map<Long, String> leadOf = new HashMap<>();
    counted.forEach(c -> leadOf.put(c.getId(), c.getLeadUnit()));
    Map<String, String> codeOf = new HashMap<>();
    unitNames.forEach((code, unitName) -> codeOf.put(unitName, code));
    for (Notice n : issued) {
      String unit = leadOf.getOrDefault(n.getCaseId(), codeOf.getOrDefault(n.getAddresseeUnit(), n.getAddresseeUnit()));
      Tally t = tallies.computeIfAbsent(unit, u -> new Tally());
      if (n.getKind() == NoticeKind.YELLOW) {
        t.yellow++;
      } else if (n.getKind() == NoticeKind.RED) {
        t.red++;
      }
    }
    List<Item> praised = new ArrayList<>();
    List<Item> criticised = new ArrayList<>();
    for (LedgerEntry e : booked) {
      if (e.getSubjectType() != SubjectType.UNIT) {
        continue;
      }
      tallies.computeIfAbsent(e.getSubjectId(), u -> new Tally()).points =
          tallies.get(e.getSubjectId()).points.add(e.getPoints());
      boolean ofCase = CaseScoring.SOURCE_TYPE.equals(e.getSourceType());
      Item item = new Item(ofCase ? e.getSourceId() : "", ofCase ? titles.getOrDefault(e.getSourceId(), "") : e.getSourceId(),
          e.getSubjectId(), name.apply(e.getSubjectId()), e.getRuleLabel(), LocalDate.ofInstant(e.getBookedAt(), zone),
          e.getPoints());
      if (properties.praisedRules().contains(e.getRule())) {
        praised.add(item);
      } else if (properties.criticisedRules().contains(e.getRule())) {
        criticised.add(item);
      }
    }
    List<UnitLine> lines = tallies.entrySet().stream()
        .map(e -> e.getValue().line(0, e.getKey(), name.apply(e.getKey()))).toList();
    Comparator<UnitLine> order = Comparator.comparing(UnitLine::points, Comparator.reverseOrder())
        .thenComparing(l -> l.onTimeRate() == null ? -1 : l.onTimeRate(), Comparator.reverseOrder())
        .thenComparingInt(UnitLine::overdue).thenComparingInt(UnitLine::redNotices).thenComparing(UnitLine::unit);
    List<UnitLine> active = lines.stream().filter(UnitLine::active).sorted(order).toList();
    List<UnitLine> ranked = new ArrayList<>();
    for (int i = 0; i < active.size(); i++) {
      UnitLine l = active.get(i);
      ranked.add(new UnitLine(i + 1, l.unit(), l.unitName(), l.registered(), l.closedOnTime(), l.closedLate(), l.open(),
          l.overdue(), l.yellowNotices(), l.redNotices(), l.points(), l.onTimeRate()));
    }
    List<UnitLine> all = new ArrayList<>(ranked);
    lines.stream().filter(l -> !l.active()).forEach(all::add);
    int n = properties.rankedUnits();
    int bestCount = Math.min(n, (ranked.size() + 1) / 2);
    List<Ranked> best = ranked.subList(0, bestCount).stream()
        .filter(l -> l.points().signum() > 0 || l.closedOnTime() > 0)
        .map(l -> new Ranked(l.unit(), l.unitName(), why(l))).toList();
    List<UnitLine> rest = new ArrayList<>(ranked.subList(bestCount, ranked.size()));
    java.util.Collections.reverse(rest);
    List<Ranked> worst = rest.stream().limit(n)
        .filter(l -> l.points().signum() < 0 || l.overdue() > 0 || l.redNotices() > 0 || l.closedLate() > 0)
        .map(l -> new Ranked(l.unit(), l.unitName(), why(l))).toList();
    Tally sum = new Tally();
    tallies.values().forEach(sum::add);
    UnitLine total = sum.line(0, "", "合计");
    CaseCharts charts = CaseCharts.of(charted, YearMonth.from(to), zone, start, end, name);
    return new BulletinFigures(from, to, now, all, total, best, worst, praised, criticised, charts);
  }

  /** Why a unit is named: its points, its closures and on-time rate, what is overdue. */
  static String why(UnitLine l) {
    List<String> parts = new ArrayList<>();
    parts.add("记分" + signed(l.points()));
    if (l.closedOnTime() + l.closedLate() > 0) {
      parts.add("办结" + (l.closedOnTime() + l.closedLate()) + "件，按期率" + l.onTimeRate() + "%");
    }
    if (l.overdue() > 0) {
      parts.add("逾期未办结" + l.overdue() + "件");
    }
    if (l.redNotices() > 0) {
      parts.add("被发红色限期具结单" + l.redNotices() + "份");
    } else if (l.yellowNotices() > 0) {
      parts.add("被发黄色限期催办单" + l.yellowNotices() + "份");
    }
    return String.join("，", parts);
  }

  static String signed(BigDecimal points) {
    String plain = points.stripTrailingZeros().toPlainString();
    return points.signum() > 0 ? "+" + plain : plain;
  }

  private static boolean within(Instant at, Instant start, Instant end) {
    return at != null && !at.isBefore(start) && at.isBefore(end);
  }

  /** A unit's counts while they are added up. */
  private static final class Tally {
    int registered;
    int closedOnTime;
    int closedLate;
    int open;
    int overdue;
    int yellow;
    int red;
    BigDecimal points = BigDecimal.ZERO;

    void add(Tally t) {
      registered += t.registered;
      closedOnTime += t.closedOnTime;
      closedLate += t.closedLate;
      open += t.open;
      overdue += t.overdue;
      yellow += t.yellow;
      red += t.red;
      points = points.add(t.points);
    }

    UnitLine line(int rank, String unit, String unitName) {
      return new UnitLine(rank, unit, unitName, registered, closedOnTime, closedLate, open, overdue, yellow, red,
          points.stripTrailingZeros().scale() < 0 ? points.setScale(0) : points.stripTrailingZeros(),
          CaseCharts.rate(closedOnTime, closedOnTime + closedLate));
    }
  }

  /** The units by code, in the organisation's order. */
  static Map<String, String> names(List<Unit> units) {
    Map<String, String> m = new LinkedHashMap<>();
    units.forEach(u -> m.put(u.getCode(), u.getName()));
    return m;
  }
}
