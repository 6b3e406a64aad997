package cn.duban.accountability;

import cn.duban.organization.Access;
import cn.duban.organization.Viewer;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The project's API for accountability procedures: those a case led to (R6), as the caller may see them. */
@RestController
@RequestMapping("/api/accountability")
public class AccountabilityController {

  private final AccountabilityService accountability;
  private final Access access;

  public AccountabilityController(AccountabilityService accountability, Access access) {
    this.accountability = accountability;
    this.access = access;
  }

  /** A procedure with its final measure. */
  public record AccountabilityView(Long id, String subjectType, String subjectId, String subjectName, int traceLevel,
      String status, String finalMeasure, String finalSanction, String processInstanceId) {

    static AccountabilityView of(AccountabilityRecord r) {
      return new AccountabilityView(r.getId(), r.getSubjectType().name(), r.getSubjectId(), r.getSubjectName(),
          r.getTraceLevel(), r.getStatus().label(), r.getFinalMeasure() == null ? null : r.getFinalMeasure().label(),
          r.getFinalSanction() == null ? null : r.getFinalSanction().label(), r.getProcessInstanceId());
    }
  }

  /** R6: the procedures a case led to ({@code ?case=督〔2026〕1号}). */
  @GetMapping
  public List<AccountabilityView> ofCase(@RequestParam("case") String caseNumber) {
    Viewer viewer = access.viewer().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录"));
    return accountability.ofCase(caseNumber).stream().filter(r -> viewer.mayRead(r.viewers()))
        .map(AccountabilityView::of).toList();
  }
}
