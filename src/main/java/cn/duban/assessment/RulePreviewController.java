package cn.duban.assessment;

import cn.duban.organization.Access;
import cn.duban.organization.Groups;
import cn.duban.organization.Viewer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * A changed case-score.dmn, complaint-score.dmn or annual-grade.dmn previewed before it is
 * deployed (issue 15), as the page 规则预览 in Cockpit uses it: the file as multipart part
 * {@code file}, the year ({@code year}, this year by default); the answer is the preview as JSON,
 * or ({@code /xlsx}) as an Excel workbook. Nothing is booked or deployed. For the process analysts,
 * the supervision office, the assessment office and administrators: it shows every unit's and
 * person's score, as the assessment report does.
 */
@RestController
@RequestMapping("/api/rule-preview")
public class RulePreviewController {

  private static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final RulePreview preview;
  private final Access access;

  public RulePreviewController(RulePreview preview, Access access) {
    this.preview = preview;
    this.access = access;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public RulePreview.Preview preview(@RequestPart(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "year", required = false) Integer year) throws IOException {
    analyst();
    return run(file, year);
  }

  @PostMapping(path = "/xlsx", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<byte[]> xlsx(@RequestPart(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "year", required = false) Integer year) throws IOException {
    analyst();
    RulePreview.Preview p = run(file, year);
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("规则变更预览-" + p.decisionKey() + "-" + p.year() + ".xlsx", StandardCharsets.UTF_8).build().toString())
        .contentType(XLSX).body(preview.xlsx(p));
  }

  private RulePreview.Preview run(MultipartFile file, Integer year) throws IOException {
    int y = preview.year(year);
    return preview.preview(y, file == null ? null : file.getBytes(), file == null ? null : file.getOriginalFilename());
  }

  private Viewer analyst() {
    Viewer viewer = access.viewer().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录"));
    if (!viewer.in(Groups.PROCESS_ANALYSTS, Groups.SUPERVISION_OFFICE, Groups.ASSESSMENT_OFFICE, Groups.CAMUNDA_ADMIN)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有流程分析员、督查室、考核办和管理员可以预览规则变更");
    }
    return viewer;
  }
}
