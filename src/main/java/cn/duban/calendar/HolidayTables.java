package cn.duban.calendar;

import cn.duban.calendar.HolidayFiles.TableFile;
import cn.duban.common.InputException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R25: the holiday tables as the office keeps them, one revision after another, in the database:
 * entered on the application's page or through {@code /api/calendar}, or seeded from the built-in
 * files and the holiday folder. Every node counts by the newest revision of each year: the node
 * that stores one at once, the others within {@code duban.calendar.refresh-interval}.
 */
@Service
public class HolidayTables {

  public static final String SYSTEM = "system";
  private static final Logger LOG = LoggerFactory.getLogger(HolidayTables.class);
  /** Years an office may enter: last year's (a late correction) up to five years ahead. */
  static final int YEARS_BACK = 1;
  static final int YEARS_AHEAD = 5;

  private final HolidayTableRepository tables;
  private final TransactionTemplate tx;
  private final CalendarProperties properties;
  private final WorkingDayCalendar calendar;
  /** Years whose table came in from a file at start-up: their limits are re-timed once the engine runs. */
  private final Set<Integer> importedAtStart = new TreeSet<>();
  private volatile long seenId;

  public HolidayTables(HolidayTableRepository tables, PlatformTransactionManager transactions,
      CalendarProperties properties) {
    this.tables = tables;
    this.tx = new TransactionTemplate(transactions);
    this.properties = properties;
    seed(HolidayFiles.builtIn());
    seed(HolidayFiles.inFolder(properties.holidayDir()));
    this.calendar = new WorkingDayCalendar(load());
    LOG.info("Working-day calendar: official holiday tables for {}; other years count provisionally by the "
        + "statutory holidays", calendar.officialYears());
  }

  public WorkingDayCalendar calendar() {
    return calendar;
  }

  /** What saving a table did. {@code countsChanged}: limits may count differently now (re-time them). */
  public record Saved(HolidayTable table, boolean changed, boolean countsChanged) {
  }

  /**
   * Stores a year's table as its newest revision, after checking it whole ({@link HolidaySchedule#parse}).
   * A table that lists the same days as the one in force is not stored again.
   */
  public Saved save(int year, String content, String source, String by) {
    int thisYear = today().getYear();
    if (year < thisYear - YEARS_BACK || year > thisYear + YEARS_AHEAD) {
      throw new InputException("year", "只能录入" + (thisYear - YEARS_BACK) + "年至" + (thisYear + YEARS_AHEAD)
          + "年的节假日安排（year）");
    }
    if (content != null && content.length() > HolidayTable.CONTENT_MAX) {
      throw new InputException("table", "节假日安排不能超过" + HolidayTable.CONTENT_MAX + "个字（table）");
    }
    String notice = source == null || source.isBlank() ? null : source.strip();
    if (notice != null && notice.length() > 255) {
      throw new InputException("source", "通知文号不能超过255个字（source）");
    }
    HolidaySchedule schedule = HolidaySchedule.parse(year, content);
    Saved saved;
    try {
      saved = store(year, content, notice, by, schedule);
    } catch (DataIntegrityViolationException raced) {
      throw new InputException("table", year + "年节假日安排刚被他人同时录入，请刷新后核对再保存（table）");
    }
    if (saved.changed()) {
      LOG.info("Holiday table {} revision {} entered by {}", year, saved.table().getRevision(), by);
      refresh();
    }
    return saved;
  }

  private Saved store(int year, String content, String notice, String by, HolidaySchedule schedule) {
    return tx.execute(status -> {
      Optional<HolidayTable> current = tables.findFirstByYearOrderByRevisionDesc(year);
      HolidaySchedule before = current.map(HolidayTable::schedule).orElse(null);
      if (before != null && before.canonical().equals(schedule.canonical())) {
        return new Saved(current.get(), false, false);
      }
      HolidayTable table = tables.saveAndFlush(new HolidayTable(year, current.map(t -> t.getRevision() + 1).orElse(1),
          content.strip(), notice, HolidayTable.Origin.ENTERED, by, now()));
      return new Saved(table, true, !schedule.countsAs(before));
    });
  }

  /** Every year's table in force, the newest year first. */
  public List<HolidayTable> current() {
    List<HolidayTable> all = new ArrayList<>(tables.findCurrent());
    all.sort((a, b) -> Integer.compare(b.getYear(), a.getYear()));
    return all;
  }

  /** A year's revisions, the newest first. */
  public List<HolidayTable> revisions(int year) {
    return tables.findByYearOrderByRevisionDesc(year);
  }

  public Optional<HolidayTable> revision(int year, int revision) {
    return revisions(year).stream().filter(t -> t.getRevision() == revision).findFirst();
  }

  /** Years whose table came in from a file at start-up (cleared as read). */
  public synchronized Set<Integer> takeImportedAtStart() {
    Set<Integer> years = new TreeSet<>(importedAtStart);
    importedAtStart.clear();
    return years;
  }

  /** Another node may have stored a revision: count by it here too. */
  @Scheduled(initialDelayString = "${duban.calendar.refresh-interval:PT30S}",
      fixedDelayString = "${duban.calendar.refresh-interval:PT30S}")
  public void refresh() {
    if (tables.lastId() != seenId) {
      calendar.replaceOfficial(load());
      LOG.info("Working-day calendar reloaded: official holiday tables for {}", calendar.officialYears());
    }
  }

  /** The notice on 督办看板 from 1 November while next year has no official table; null otherwise. */
  public String nextYearNotice() {
    LocalDate today = today();
    int next = today.getYear() + 1;
    if (today.getMonthValue() < 11 || calendar.isOfficial(next)) {
      return null;
    }
    return next + "年节假日安排尚未录入：涉及" + next + "年的时限暂按法定节假日计算，待国务院办公厅通知发布后自动调整。"
        + "通知发布后，请督查室或系统管理员在“节假日安排”中录入。";
  }

  private Map<Integer, HolidaySchedule> load() {
    long last = tables.lastId();
    Map<Integer, HolidaySchedule> years = new TreeMap<>();
    for (HolidayTable t : tables.findCurrent()) {
      years.put(t.getYear(), t.schedule());
    }
    seenId = last;
    return years;
  }

  /** Takes the files' tables that say something new (see {@link #takes}); a file with mistakes is logged, not fatal. */
  private void seed(Map<Integer, TableFile> files) {
    Map<Integer, TableFile> valid = new LinkedHashMap<>();
    files.forEach((year, file) -> {
      try {
        HolidaySchedule.parse(year, file.content());
        valid.put(year, file);
      } catch (HolidayTableException e) {
        LOG.error("Holiday table {} not taken: {}", file.location(), e.getMessage());
      }
    });
    valid.forEach((year, file) -> {
      try {
        Boolean imported = tx.execute(status -> {
          String canonical = HolidaySchedule.parse(year, file.content()).canonical();
          Optional<HolidayTable> current = tables.findFirstByYearOrderByRevisionDesc(year);
          if (!takes(file, canonical, current)) {
            return false;
          }
          int revision = current.map(t -> t.getRevision() + 1).orElse(1);
          tables.saveAndFlush(new HolidayTable(year, revision, file.content().strip(), file.notice(), file.origin(),
              SYSTEM, now()));
          return true;
        });
        if (Boolean.TRUE.equals(imported)) {
          LOG.info("Holiday table {} taken from {}", year, file.location());
          if (file.origin() == HolidayTable.Origin.FILE) {
            synchronized (this) {
              importedAtStart.add(year);
            }
          }
        }
      } catch (DataIntegrityViolationException raced) {
        LOG.info("Holiday table {} was taken by another node at the same time", year);
      }
    });
  }

  /**
   * A built-in table seeds a year nobody has entered, and follows a corrected release while nobody
   * has; the holiday folder's file is the administrator's: taken whenever it says something new.
   */
  private boolean takes(TableFile file, String canonical, Optional<HolidayTable> current) {
    if (current.isEmpty()) {
      return true;
    }
    if (current.get().schedule().canonical().equals(canonical)) {
      return false;
    }
    if (file.origin() == HolidayTable.Origin.BUILT_IN) {
      return current.get().getOrigin() == HolidayTable.Origin.BUILT_IN;
    }
    return tables.findFirstByYearAndOriginOrderByRevisionDesc(file.year(), file.origin())
        .map(last -> !last.schedule().canonical().equals(canonical)).orElse(true);
  }

  private Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  private LocalDate today() {
    return LocalDate.ofInstant(now(), properties.zone());
  }
}
