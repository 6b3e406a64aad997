package cn.duban.notice;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Issues the green, yellow and red notices; issuing one twice leaves the first. */
@Service
public class NoticeService {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final NoticeRepository notices;
  private final String issuingOffice;

  public NoticeService(NoticeRepository notices,
      @Value("${duban.notice.issuing-office:县委县政府督查室}") String issuingOffice) {
    this.notices = notices;
    this.issuingOffice = issuingOffice;
  }

  /** What a notice says: the item, the units, the responsible person, the three fixes (三定) and the limit. */
  public record NoticeContent(Long caseId, String caseNumber, String title, String unitName, String coUnitNames,
      String responsiblePerson, String requirement, String milestones, String qualityStandard, Instant limitAt,
      ZoneId zone) {
  }

  /** {@code provisional}: the limit was counted across a year without an official holiday table (R25). */
  @Transactional(propagation = Propagation.MANDATORY)
  public Notice issue(NoticeKind kind, NoticeContent content, boolean escalated, boolean provisional, Instant now) {
    return notices.findByCaseIdAndKind(content.caseId(), kind).orElseGet(() -> notices.saveAndFlush(
        new Notice(content.caseId(), content.caseNumber(), kind, content.unitName(), now, content.limitAt(),
            escalated, provisional, render(kind, content, now))));
  }

  public Optional<Notice> find(Long caseId, NoticeKind kind) {
    return notices.findByCaseIdAndKind(caseId, kind);
  }

  /** R25: the notice states the limit as counted again; it keeps the date it was issued on. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void relimit(Notice notice, NoticeContent content, boolean provisional) {
    notice.relimit(content.limitAt(), provisional, render(notice.getKind(), content, notice.getIssuedAt()));
  }

  String render(NoticeKind kind, NoticeContent c, Instant now) {
    String limit = DAY.format(c.limitAt().atZone(c.zone()));
    String demand = switch (kind) {
      case GREEN -> "现将“" + c.title() + "”列为督查事项，请你单位按照要求认真抓好落实，于" + limit
          + "前办结，并报送办结报告。";
      case YELLOW -> "督查事项“" + c.title() + "”已到完成时限，至今未报办结。请你单位高度重视，于" + limit
          + "前办结并报送办结报告。逾期未办结的，将发出限期具结单。";
      case RED -> "督查事项“" + c.title() + "”经限期催办仍未办结。请你单位于" + limit
          + "前办结具结；逾期仍未办结的，将启动问责程序。";
    };
    return kind.title() + "\n" + c.caseNumber() + "\n\n" + c.unitName() + "：\n" + demand
        + "\n\n协办单位：" + c.coUnitNames() + "\n责任人：" + c.responsiblePerson()
        + "\n工作内容和要求：" + c.requirement() + "\n关键节点：" + c.milestones() + "\n质量标准：" + c.qualityStandard()
        + "\n\n" + issuingOffice + "\n" + DAY.format(now.atZone(c.zone()));
  }
}
