package cn.duban.bulletin;

import static cn.duban.common.FormValues.string;

import cn.duban.bulletin.BulletinFigures.Ranked;
import cn.duban.bulletin.BulletinFigures.UnitLine;
import cn.duban.calendar.LimitClock;
import cn.duban.common.Actors;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of bulletin.bpmn (R34): thin, they read the variables and call {@link BulletinService}. */
@Configuration
public class BulletinDelegates {

  /** The process variables of bulletin.bpmn. */
  public static final String PERIOD_FROM = "periodFrom";
  public static final String PERIOD_TO = "periodTo";
  /** Set on the timer's path only: the moment the monthly bulletin is generated. */
  public static final String FIRST_WORKING_DAY_AT = "firstWorkingDayAt";
  public static final String BULLETIN_ID = "bulletinId";
  public static final String COMMENT = "bulletinComment";

  private final BulletinService bulletins;
  private final BulletinSchedule schedule;
  private final LimitClock clock;

  public BulletinDelegates(BulletinService bulletins, BulletinSchedule schedule, LimitClock clock) {
    this.bulletins = bulletins;
    this.schedule = schedule;
    this.clock = clock;
  }

  /** The timer's path: the past month is the period, generated on this month's first working day. */
  @Bean
  public JavaDelegate scheduleBulletin() {
    return ex -> {
      BulletinService.Period p = BulletinService.previousMonth(clock.today());
      ex.setVariable(PERIOD_FROM, p.from().toString());
      ex.setVariable(PERIOD_TO, p.to().toString());
      ex.setVariable(FIRST_WORKING_DAY_AT, schedule.firstWorkingDayOfMonth(clock.today()));
      ex.setProcessBusinessKey(p.title());
    };
  }

  /**
   * Computes the figures and stores the draft. Asked for by a person, a period that already has
   * its bulletin is refused (the start form says why); started by the timer, the instance ends.
   */
  @Bean
  public JavaDelegate compileBulletin() {
    return ex -> {
      boolean scheduled = ex.hasVariable(FIRST_WORKING_DAY_AT);
      BulletinService.Period p = bulletins.period(ex.getVariable(PERIOD_FROM), ex.getVariable(PERIOD_TO));
      ex.setProcessBusinessKey(p.title());
      if (scheduled && bulletins.existing(p).isPresent()) {
        ex.setVariable("bulletinExists", true);
        return;
      }
      String by = Actors.of(ex);
      Bulletin b = bulletins.generate(p, Actors.SYSTEM.equals(by) ? null : by, ex.getProcessInstanceId());
      ex.setVariable("bulletinExists", false);
      ex.setVariable(BULLETIN_ID, b.getId());
      ex.setVariable("bulletinTitle", b.getTitle());
      ex.setVariable("bulletinSummary", summary(b, bulletins.figures(b)));
    };
  }

  /** The review's comment, then publication: the figures stay as they were computed. */
  @Bean
  public JavaDelegate publishBulletin() {
    return ex -> bulletins.publish(((Number) ex.getVariable(BULLETIN_ID)).longValue(), string(ex, COMMENT),
        Actors.of(ex));
  }

  /** What the reviewer reads in the form: the county's figures, the units named, the draft's page. */
  static String summary(Bulletin b, BulletinFigures f) {
    StringBuilder s = new StringBuilder();
    UnitLine t = f.total();
    s.append("**全县**：新立项").append(t.registered()).append("件，按期办结").append(t.closedOnTime())
        .append("件，逾期办结").append(t.closedLate()).append("件，期末在办").append(t.open()).append("件（其中逾期")
        .append(t.overdue()).append("件），发出黄色催办单").append(t.yellowNotices()).append("份、红色具结单")
        .append(t.redNotices()).append("份。\n\n");
    s.append("**表扬**：").append(names(f.best())).append("\n\n");
    s.append("**督促**：").append(names(f.worst())).append("\n\n");
    s.append("表扬事项").append(f.praised().size()).append("项，批评事项").append(f.criticised().size())
        .append("项。各单位明细、图表见[通报稿](/api/bulletins/").append(b.getId()).append("/page)。");
    return s.toString();
  }

  private static String names(java.util.List<Ranked> units) {
    return units.isEmpty() ? "无" : String.join("、", units.stream().map(Ranked::unitName).toList());
  }

}
