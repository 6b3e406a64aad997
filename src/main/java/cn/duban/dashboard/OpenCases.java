package cn.duban.dashboard;

import cn.duban.supervision.CaseStatus;
import cn.duban.supervision.SupervisionCase;
import cn.duban.supervision.WarningLevel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The open cases 督办看板 counts and lists, in its order: the overdue ones first, the earliest
 * deadline (the most working days late) first, then the highest level; the others by level, then
 * deadline. Two ways to the same answer: for whoever reads every case (the overseeing offices,
 * administrators), queries that count in the database and read only what a list shows of its
 * cases, so that the board does not grow with the county's open work; for everyone else, the few
 * cases the engine lets them see, in memory.
 */
abstract class OpenCases {

  /** Which open cases a list shows: of one level, of one lead unit, only the overdue ones (each optional). */
  record Selection(WarningLevel level, String unit, boolean overdueOnly) {
    static final Selection OVERDUE = new Selection(null, null, true);
  }

  /** What a list shows of a case. */
  record Listed(Long id, String caseNumber, String title, String leadUnit, LocalDate deadline, Instant deadlineAt,
      WarningLevel level, String processInstanceId) {
    static Listed of(SupervisionCase c) {
      return new Listed(c.getId(), c.getCaseNumber(), c.getTitle(), c.getLeadUnit(), c.getDeadline(), c.getDeadlineAt(),
          c.getWarningLevel(), c.getProcessInstanceId());
    }
  }

  /** Open cases by lead unit, then by level; how many of them are overdue. */
  record Counts(Map<String, Map<WarningLevel, Long>> byUnit, long overdue) {
  }

  abstract Counts counts();

  /** How many open cases a selection holds. */
  abstract long count(Selection selection);

  /** The first {@code limit} cases of a selection, in the board's order. */
  abstract List<Listed> first(Selection selection, int limit);

  static boolean open(SupervisionCase c) {
    return c.getStatus().isOpen();
  }

  /** The cases the caller may see (the engine's query), already restricted to those he counts. */
  static OpenCases of(List<SupervisionCase> visible, Instant now) {
    return new InMemory(visible.stream().filter(OpenCases::open).toList(), now);
  }

  /** Every open case whose process is running, by queries. */
  static OpenCases all(NamedParameterJdbcTemplate jdbc, Instant now) {
    return new Queried(jdbc, now);
  }

  private static final class InMemory extends OpenCases {

    private final List<SupervisionCase> open;
    private final Instant now;

    InMemory(List<SupervisionCase> open, Instant now) {
      this.open = open;
      this.now = now;
    }

    @Override
    Counts counts() {
      Map<String, Map<WarningLevel, Long>> units = new TreeMap<>();
      open.forEach(c -> units.computeIfAbsent(c.getLeadUnit(), u -> new EnumMap<>(WarningLevel.class))
          .merge(c.getWarningLevel(), 1L, Long::sum));
      return new Counts(units, open.stream().filter(this::late).count());
    }

    @Override
    long count(Selection s) {
      return selected(s).count();
    }

    @Override
    List<Listed> first(Selection s, int limit) {
      return selected(s).sorted(Comparator.comparing((SupervisionCase c) -> !late(c))
              .thenComparing(c -> late(c) ? c.getDeadline() : LocalDate.MIN)
              .thenComparing(SupervisionCase::getWarningLevel, Comparator.reverseOrder())
              .thenComparing(SupervisionCase::getDeadline).thenComparing(SupervisionCase::getId))
          .limit(limit).map(Listed::of).toList();
    }

    private Stream<SupervisionCase> selected(Selection s) {
      return open.stream()
          .filter(c -> s.level() == null || c.getWarningLevel() == s.level())
          .filter(c -> s.unit() == null || c.getLeadUnit().equals(s.unit()))
          .filter(c -> !s.overdueOnly() || late(c));
    }

    private boolean late(SupervisionCase c) {
      return c.getDeadlineAt().isBefore(now);
    }
  }

  private static final class Queried extends OpenCases {

    /** The open states, named: an index on the state serves them, where "not closed" would read every case. */
    private static final List<String> OPEN_STATES = CaseStatus.open().stream().map(Enum::name).toList();
    /** The level's rank in SQL, from the enum's order (green lowest). */
    private static final String LEVEL_RANK = Arrays.stream(WarningLevel.values())
        .map(l -> "when '" + l.name() + "' then " + l.ordinal())
        .collect(Collectors.joining(" ", "case c.warning_level ", " end"));
    /**
     * Open, and its process still running (as the engine's query of the instances finds the
     * others' cases): an instance cancelled in Cockpit leaves its case's state as it was.
     */
    private static final String OPEN = "c.status in (:open) and exists (select 1 from act_ru_execution e"
        + " where e.id_ = c.process_instance_id)";
    private static final String ORDER = " order by case when c.deadline_at < :now then 0 else 1 end,"
        + " case when c.deadline_at < :now then c.deadline end, " + LEVEL_RANK + " desc, c.deadline, c.id";

    private final NamedParameterJdbcTemplate jdbc;
    private final Instant now;

    Queried(NamedParameterJdbcTemplate jdbc, Instant now) {
      this.jdbc = jdbc;
      this.now = now;
    }

    @Override
    Counts counts() {
      Map<String, Map<WarningLevel, Long>> units = new TreeMap<>();
      long[] overdue = {0};
      jdbc.query("select c.lead_unit, c.warning_level, count(*), count(case when c.deadline_at < :now then 1 end)"
          + " from supervision_case c where " + OPEN + " group by c.lead_unit, c.warning_level", params(), rs -> {
            units.computeIfAbsent(rs.getString(1), u -> new EnumMap<>(WarningLevel.class))
                .put(WarningLevel.valueOf(rs.getString(2)), rs.getLong(3));
            overdue[0] += rs.getLong(4);
          });
      return new Counts(units, overdue[0]);
    }

    @Override
    long count(Selection s) {
      MapSqlParameterSource params = params();
      Long n = jdbc.queryForObject("select count(*)" + where(s, params), params, Long.class);
      return n == null ? 0 : n;
    }

    @Override
    List<Listed> first(Selection s, int limit) {
      MapSqlParameterSource params = params().addValue("limit", limit);
      return jdbc.query("select c.id, c.case_number, c.title, c.lead_unit, c.deadline, c.deadline_at, c.warning_level,"
          + " c.process_instance_id" + where(s, params) + ORDER + " limit :limit", params, (rs, i) -> new Listed(
              rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class),
              rs.getTimestamp(6).toInstant(), WarningLevel.valueOf(rs.getString(7)), rs.getString(8)));
    }

    /** The from and where clauses of a selection, its parameters added. */
    private static String where(Selection s, MapSqlParameterSource params) {
      StringBuilder where = new StringBuilder(" from supervision_case c where " + OPEN);
      if (s.level() != null) {
        where.append(" and c.warning_level = :level");
        params.addValue("level", s.level().name());
      }
      if (s.unit() != null) {
        where.append(" and c.lead_unit = :unit");
        params.addValue("unit", s.unit());
      }
      if (s.overdueOnly()) {
        where.append(" and c.deadline_at < :now");
      }
      return where.toString();
    }

    private MapSqlParameterSource params() {
      return new MapSqlParameterSource("open", OPEN_STATES).addValue("now", now.atOffset(ZoneOffset.UTC));
    }
  }
}
