package cn.duban.notice;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Issues the green, yellow and red notices, each once per case. */
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

  /**
   * Writes a notice without looking for one first: the caller knows the case has none of this kind
   * (the green one is issued in the case's own registration; a case remembers which notices it
   * has). {@code provisional}: the limit was counted across a year without an official holiday
   * table (R25). The table's unique key on case and kind stops a concurrent twin.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Notice issue(NoticeKind kind, NoticeContent content, boolean escalated, boolean provisional, Instant now) {
    NoticeFields fields = fields(kind, content, issuingOffice);
    return notices.save(new Notice(content.caseId(), content.caseNumber(), kind, content.unitName(), now,
        content.limitAt(), escalated, provisional, fields,
        text(kind, content.caseNumber(), content.unitName(), fields, now, content.zone())));
  }

  public Optional<Notice> find(Long caseId, NoticeKind kind) {
    return notices.findByCaseIdAndKind(caseId, kind);
  }

  /**
   * R25: the notice states the limit as counted again; it keeps the day it was issued on and the
   * office that issued it.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void relimit(Notice notice, NoticeContent content, boolean provisional) {
    NoticeFields fields = fields(notice.getKind(), content, notice.getFields().issuingOffice());
    notice.relimit(content.limitAt(), provisional, fields,
        text(notice.getKind(), notice.getCaseNumber(), notice.getAddresseeUnit(), fields, notice.getIssuedAt(),
            content.zone()));
  }

  static NoticeFields fields(NoticeKind kind, NoticeContent c, String office) {
    String limit = DAY.format(c.limitAt().atZone(c.zone()));
    String demand = switch (kind) {
      case GREEN -> "现将“" + c.title() + "”列为督查事项，请你单位按照要求认真抓好落实，于" + limit
          + "前办结，并报送办结报告。";
      case YELLOW -> "督查事项“" + c.title() + "”已到完成时限，至今未报办结。请你单位高度重视，于" + limit
          + "前办结并报送办结报告。逾期未办结的，将发出限期具结单。";
      case RED -> "督查事项“" + c.title() + "”经限期催办仍未办结。请你单位于" + limit
          + "前办结具结；逾期仍未办结的，将启动问责程序。";
    };
    return new NoticeFields(demand, c.coUnitNames(), c.responsiblePerson(), c.requirement(), c.milestones(),
        c.qualityStandard(), office);
  }

  /** The notice as plain text, for {@link Notice#getBody()}: written once from the fields, never parsed. */
  static String text(NoticeKind kind, String caseNumber, String addressee, NoticeFields f, Instant issuedAt,
      ZoneId zone) {
    return kind.title() + "\n" + caseNumber + "\n\n" + addressee + "：\n" + f.demand()
        + "\n\n协办单位：" + f.coUnits() + "\n责任人：" + f.responsiblePerson()
        + "\n工作内容和要求：" + f.requirement() + "\n关键节点：" + f.milestones() + "\n质量标准：" + f.qualityStandard()
        + "\n\n" + f.issuingOffice() + "\n" + DAY.format(issuedAt.atZone(zone));
  }
}
