package cn.duban.assessment;

import static cn.duban.common.Inputs.text;
import static cn.duban.common.Inputs.wholeNumber;

import cn.duban.calendar.LimitClock;
import cn.duban.common.InputException;
import cn.duban.ledger.Ledger;
import cn.duban.ledger.SubjectType;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** R23: the half-yearly highlight selection: its period, the units' nominations, the selection and its bonus. */
@Service
@Transactional(noRollbackFor = InputException.class)
public class HighlightService {

  private final HighlightRepository highlights;
  private final Ledger ledger;
  private final AssessmentProperties properties;
  private final LimitClock clock;

  public HighlightService(HighlightRepository highlights, Ledger ledger, AssessmentProperties properties,
      LimitClock clock) {
    this.highlights = highlights;
    this.ledger = ledger;
    this.properties = properties;
    this.clock = clock;
  }

  /** A half year: 2026 上半年 is (2026, 1). */
  public record Period(int year, int half) {

    public String text() {
      return year + "年" + (half == 1 ? "上半年" : "下半年");
    }
  }

  /**
   * The half year a selection is for: as the start form names it, else (started by the timer on 1
   * January or 1 July) the half year that just ended. It must have begun.
   */
  public Period period(Object yearInput, Object halfInput) {
    LocalDate today = clock.today();
    int year = wholeNumber("highlightYear", yearInput, today.getMonthValue() <= 6 ? today.getYear() - 1
        : today.getYear(), 2000, 9999, "评选年度");
    int half = wholeNumber("highlightHalf", halfInput, today.getMonthValue() <= 6 ? 2 : 1, Integer.MIN_VALUE,
        Integer.MAX_VALUE, "评选期");
    if (half != 1 && half != 2) {
      throw new InputException("highlightHalf", "请选择上半年或下半年（highlightHalf）");
    }
    if (LocalDate.of(year, half == 1 ? 1 : 7, 1).isAfter(today)) {
      throw new InputException("highlightYear", "评选期须是已经开始的半年（highlightYear）");
    }
    return new Period(year, half);
  }

  /** A unit's answer: its highlight of the period, or none; a unit nominates once per selection. */
  public void nominate(String selectionInstanceId, String unit, Period period, Boolean nominate, String title,
      String description) {
    if (nominate == null) {
      throw new InputException("nominate", "请选择是否申报（nominate）");
    }
    if (nominate && highlights.findByProcessInstanceIdAndUnitCode(selectionInstanceId, unit).isEmpty()) {
      highlights.save(new Highlight(period.year(), period.half(), unit,
          text("highlightTitle", title, "亮点工作名称", 255),
          text("highlightDescription", description, "亮点工作简介", 2000), selectionInstanceId, clock.now()));
    }
  }

  public List<Highlight> nominations(String selectionInstanceId) {
    return highlights.findByProcessInstanceIdOrderById(selectionInstanceId);
  }

  /** R23: each selected highlight books its bonus for its unit, in the year of its half year, once. */
  public void select(String selectionInstanceId, Collection<String> selectedIds) {
    for (Highlight h : nominations(selectionInstanceId)) {
      if (selectedIds.contains(h.getId().toString())) {
        h.select();
        ledger.book(new Ledger.Booking("HIGHLIGHT:" + h.getId(), SubjectType.UNIT, h.getUnitCode(), "HIGHLIGHT",
            "R23", "亮点工作：" + h.getTitle(), properties.highlightBonus(), "HIGHLIGHT", h.getId().toString(),
            h.getYear() + "H" + h.getHalf()), clock.now(), h.getYear(), clock.zone());
      }
    }
  }
}
