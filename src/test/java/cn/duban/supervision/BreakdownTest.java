package cn.duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.duban.Http;
import cn.duban.ProcessTestSupport;
import cn.duban.notice.NoticeKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R29 分解立项 through the project's API as the page 分解立项 uses it: a parent registered once, split
 * by an uploaded task-breakdown sheet or by the rows of a form, refused whole with every bad row,
 * and followed through its children's progress to done.
 */
// two hundred cases of its own: a context of its own, so that other tests' lists stay short
@TestPropertySource(properties = "camunda.bpm.generate-unique-process-engine-name=true")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BreakdownTest extends ProcessTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** The parents' deadline: no child may be due later. */
  private static final LocalDate PARENT_DEADLINE = LocalDate.of(2026, 6, 30);

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ParentItemRepository parents;
  Http http;

  @BeforeEach
  void api() {
    http = new Http(port);
  }

  @Test
  @DisplayName("R29 a good task-breakdown sheet of 200 rows, uploaded once, registers 200 full cases numbered without a gap, each with its green notice and sign-for task")
  void twoHundredRowsInOneStep() throws Exception {
    long parent = parent("2026年城建重点工作任务分解");
    byte[] template = http.getBytes("/api/breakdowns/" + parent + "/template", "ducha").body();
    byte[] sheet = BreakdownSheets.fill(template, BreakdownSheets.rows("城建重点任务", 200, LocalDate.of(2026, 5, 29)));

    HttpResponse<String> answer = http.upload("/api/breakdowns/" + parent + "/children", "file", "任务分解表.xlsx",
        BreakdownSheets.XLSX, sheet, "ducha");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(answer.body());
    assertThat(body.get("registered").asInt()).isEqualTo(200);
    assertThat(body.get("message").asText()).startsWith("已分解立项200项：督〔2026〕");
    List<SupervisionCase> children = new ArrayList<>();
    body.get("caseNumbers").forEach(n -> children.add(cases.findByCaseNumber(n.asText()).orElseThrow()));
    int first = children.get(0).getSequence();
    assertThat(children).extracting(SupervisionCase::getSequence)
        .as("200 numbers one after the other, in the sheet's order").containsExactlyElementsOf(
            IntStream.range(first, first + 200).boxed().toList());
    assertThat(jdbc.queryForObject("select last_number from case_number_counter where counter_year = 2026", Integer.class))
        .isGreaterThanOrEqualTo(first + 199);
    assertThat(children).extracting(SupervisionCase::getTitle).startsWith("城建重点任务（1）", "城建重点任务（2）");

    // each a full case, registered as the start form registers one
    SupervisionCase c = children.get(199);
    assertThat(c.getTitle()).isEqualTo("城建重点任务（200）");
    assertThat(c.getLeadUnit()).isEqualTo("zjj");
    assertThat(c.coUnitList()).containsExactly("fgj");
    assertThat(c.getResponsiblePerson()).isEqualTo("zjj-lin");
    assertThat(c.getLeaderInCharge()).as("the parent's leader, the row naming none").isEqualTo("wangfxz");
    assertThat(c.getSource()).isEqualTo(CaseSource.IMPORTANT_MEETING);
    assertThat(c.getDeadline()).isEqualTo(LocalDate.of(2026, 5, 29));
    assertThat(supervision.milestones(c.getId())).extracting(Milestone::getName).containsExactly("完成方案");
    assertThat(c.checklistItems()).containsExactly("改造方案经专家评审", "居民满意度不低于90%");
    assertThat(c.getRegisteredBy()).isEqualTo("ducha");
    assertThat(notice(c, NoticeKind.GREEN)).isPresent();
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(c.getProcessInstanceId()).singleResult();
    assertThat(pi.getBusinessKey()).isEqualTo(c.getCaseNumber());
    assertThat(pi).isWaitingAt("signFor");

    // the parent's record lists them, in the sheet's order
    JsonNode detail = JSON.readTree(http.get("/api/breakdowns/" + parent, "ducha").body());
    assertThat(detail.at("/progress/children").asInt()).isEqualTo(200);
    assertThat(detail.at("/progress/stateLabel").asText()).isEqualTo("落实中");
    assertThat(detail.at("/progress/list/0/caseNumber").asText()).isEqualTo(children.get(0).getCaseNumber());
    assertThat(count(detail.at("/progress/byStatus"), "REGISTERED")).isEqualTo(200);
  }

  @Test
  @DisplayName("R29 a sheet with bad rows is refused whole: 400 lists every bad row with its row number, column and Chinese reason, and no case is registered, no number taken")
  void badRowsRefuseTheWholeSheet() throws Exception {
    long parent = parent("县政府常务会议决定事项");
    List<Map<BreakdownColumn, Object>> rows = new ArrayList<>();
    rows.add(BreakdownSheets.row("好的一行", LocalDate.of(2026, 4, 30)));                                  // row 2
    rows.add(with(BreakdownSheets.row("单位不存在", LocalDate.of(2026, 4, 30)), BreakdownColumn.LEAD_UNIT, "县不存在局")); // 3
    rows.add(BreakdownSheets.row("时限已过", LocalDate.of(2026, 2, 27)));                                  // 4
    rows.add(BreakdownSheets.row("时限晚于母事项", LocalDate.of(2026, 7, 31)));                            // 5
    rows.add(with(BreakdownSheets.row("协办同牵头", LocalDate.of(2026, 4, 30)), BreakdownColumn.CO_UNITS, "县住房和城乡建设局")); // 6
    rows.add(with(BreakdownSheets.row("没有责任人", LocalDate.of(2026, 4, 30)), BreakdownColumn.RESPONSIBLE_PERSON, null)); // 7
    rows.add(with(BreakdownSheets.row("没有质量标准", LocalDate.of(2026, 4, 30)), BreakdownColumn.QUALITY_CHECKLIST, null)); // 8
    rows.add(with(with(BreakdownSheets.row("没有进度安排", LocalDate.of(2026, 4, 30)), BreakdownColumn.MILESTONES, null),
        BreakdownColumn.REPORT_INTERVAL_DAYS, 0));                                                             // 9
    rows.add(with(BreakdownSheets.row("他单位的责任人", LocalDate.of(2026, 4, 30)), BreakdownColumn.RESPONSIBLE_PERSON, "徐丽")); // 10
    rows.add(BreakdownSheets.row("又一好行", LocalDate.of(2026, 4, 30)));                                  // 11
    Integer counterBefore = counter();
    long casesBefore = cases.count();

    HttpResponse<String> answer = http.upload("/api/breakdowns/" + parent + "/children", "file", "任务分解表.xlsx",
        BreakdownSheets.XLSX, BreakdownSheets.fill(BreakdownSheets.template(), rows), "ducha");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(answer.body());
    assertThat(problem.get("detail").asText()).startsWith("任务分解有误（8行），未登记任何事项：第3行“牵头单位”：单位“县不存在局”不存在");
    assertThat(problem.get("field").asText()).isEqualTo("file");
    List<String> report = new ArrayList<>();
    problem.get("problems").forEach(p -> report.add(p.get("row").asInt() + " " + p.get("column").asText() + " " + p.get("message").asText()));
    assertThat(report).containsExactly(
        "3 牵头单位 单位“县不存在局”不存在，请按“单位和人员”表填写单位全称或代码",
        "4 完成时限 完成时限2026-02-27已过，不能早于今天（2026-03-02）",
        "5 完成时限 完成时限2026-07-31晚于母事项的完成时限（2026-06-30）",
        "6 协办单位 协办单位不能与牵头单位相同：县住房和城乡建设局",
        "7 责任人 缺少三定中的“定责任”：请填写责任人",
        "8 质量标准 缺少三定中的“定质量”：请填写质量标准",
        "9 关键节点 请至少填写一个关键节点，或设定进展报送周期（1至60个工作日）：三定要求每个督查事项定进度",
        "10 责任人 责任人须为牵头单位“县住房和城乡建设局”的人员，“徐丽”不是");

    assertThat(counter()).as("no number taken").isEqualTo(counterBefore);
    assertThat(cases.count()).as("no case registered").isEqualTo(casesBefore);
    JsonNode detail = JSON.readTree(http.get("/api/breakdowns/" + parent, "ducha").body());
    assertThat(detail.at("/progress/children").asInt()).isZero();
    assertThat(detail.at("/progress/stateLabel").asText()).isEqualTo("待分解");
  }

  @Test
  @DisplayName("R29 a file that is no breakdown sheet is refused with the reason: not a workbook, a required column missing, no rows")
  void notASheet() throws Exception {
    long parent = parent("格式不对的分解表");
    String path = "/api/breakdowns/" + parent + "/children";
    HttpResponse<String> text = http.upload(path, "file", "任务.xlsx", BreakdownSheets.XLSX, "不是表格".getBytes(), "ducha");
    assertThat(text.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(text.body()).get("detail").asText()).contains("文件不是有效的 Excel 工作簿（.xlsx）");

    XSSFWorkbook book = new XSSFWorkbook();
    Row header = book.createSheet("任务分解表").createRow(0);
    header.createCell(0).setCellValue("任务名称");
    header.createCell(1).setCellValue("牵头单位");
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    book.write(out);
    HttpResponse<String> columns = http.upload(path, "file", "任务.xlsx", BreakdownSheets.XLSX, out.toByteArray(), "ducha");
    assertThat(columns.statusCode()).isEqualTo(400);
    JsonNode missing = JSON.readTree(columns.body()).get("problems");
    assertThat(missing.get(0).get("row").asInt()).isEqualTo(1);
    assertThat(missing.get(0).get("column").asText()).isEqualTo("工作内容和要求");
    assertThat(missing.get(0).get("message").asText()).isEqualTo("表头缺少此列，请使用下载的模板填写");

    HttpResponse<String> empty = http.upload(path, "file", "任务.xlsx", BreakdownSheets.XLSX, BreakdownSheets.template(), "ducha");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(empty.body()).get("detail").asText()).contains("表中没有任务");
  }

  @Test
  @DisplayName("R29 the template names every column, marks the required ones, and lists the units and people to fill in")
  void template() throws Exception {
    HttpResponse<byte[]> answer = http.getBytes("/api/breakdowns/template", "ducha");
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue(BreakdownSheets.XLSX);
    assertThat(answer.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
        .startsWith("attachment").contains("filename*=UTF-8''%E4%BB%BB%E5%8A%A1%E5%88%86%E8%A7%A3%E8%A1%A8.xlsx"));
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(answer.body()))) {
      DataFormatter f = new DataFormatter();
      Row header = book.getSheet("任务分解表").getRow(0);
      List<String> headers = new ArrayList<>();
      header.forEach(cell -> headers.add(f.formatCellValue(cell)));
      assertThat(headers).containsExactly("任务名称*", "工作内容和要求*", "牵头单位*", "协办单位", "责任人*", "分管领导",
          "完成时限*", "关键节点", "质量标准*", "进展报送周期（工作日）");
      assertThat(header.getCell(4).getCellComment().getString().getString()).contains("定责任");
      Sheet org = book.getSheet("单位和人员");
      List<String> text = new ArrayList<>();
      org.forEach(row -> row.forEach(cell -> text.add(f.formatCellValue(cell))));
      assertThat(text).contains("县住房和城乡建设局", "zjj", "林晓东", "zjj-lin", "王建国");
    }
  }

  @Test
  @DisplayName("R29 split by the form's rows, the parent counts its children by level and state with the overdue first, shows on 督办看板, and is done when every child is closed or withdrawn")
  void progressUntilDone() throws Exception {
    long parent = parent("县委督查室批示件分解");
    String rows = """
        {"rows": [
          {"title": "甲：按期办结", "content": "甲项工作", "leadUnit": "zjj", "responsiblePerson": "zjj-lin",
           "deadline": "2026-03-20", "qualityChecklist": "改造方案经专家评审\\n居民满意度不低于90%", "reportIntervalDays": 0,
           "milestones": "2026-03-13 完成方案"},
          {"title": "乙：撤销", "content": "乙项工作", "leadUnit": "县交通运输局", "responsiblePerson": "徐丽",
           "leaderInCharge": "李文华", "deadline": "2026/3/27", "qualityChecklist": "通车", "reportIntervalDays": 5},
          {"title": "丙：逾期", "content": "丙项工作", "leadUnit": "zjj", "coUnits": ["fgj", "jtj"], "responsiblePerson": "zjj-lin",
           "deadline": "2026年3月20日", "qualityChecklist": "改造方案经专家评审\\n居民满意度不低于90%", "reportIntervalDays": 0,
           "milestones": "2026-03-13 完成方案"}
        ]}""";
    HttpResponse<String> answer = http.post("/api/breakdowns/" + parent + "/children", rows, "ducha");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode numbers = JSON.readTree(answer.body()).get("caseNumbers");
    SupervisionCase a = cases.findByCaseNumber(numbers.get(0).asText()).orElseThrow();
    SupervisionCase b = cases.findByCaseNumber(numbers.get(1).asText()).orElseThrow();
    SupervisionCase c = cases.findByCaseNumber(numbers.get(2).asText()).orElseThrow();
    assertThat(b.getLeadUnit()).isEqualTo("jtj");
    assertThat(b.getLeaderInCharge()).isEqualTo("lifxz");
    assertThat(b.getDeadline()).isEqualTo(LocalDate.of(2026, 3, 27));
    assertThat(c.coUnitList()).containsExactly("fgj", "jtj");
    assertThat(c.getDeadline()).isEqualTo(LocalDate.of(2026, 3, 20));

    // 甲 closed on time, 乙 withdrawn, 丙 past its deadline and yellow
    ProcessInstance pa = instance(a);
    signFor(pa);
    submitClosure(pa);
    accept(pa, false);
    HttpResponse<String> withdrawn = http.post("/api/cases/" + b.getId() + "/withdrawal",
        "{\"withdrawalReason\": \"并入其他事项\"}", "ducha");
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
    ProcessInstance pc = instance(c);
    signFor(pc);
    fire(pc, "stageLimitReached");

    JsonNode progress = JSON.readTree(http.get("/api/breakdowns/" + parent, "ducha").body()).get("progress");
    assertThat(progress.get("children").asInt()).isEqualTo(3);
    assertThat(progress.get("open").asInt()).isEqualTo(1);
    assertThat(progress.get("overdue").asInt()).isEqualTo(1);
    assertThat(progress.get("done").asBoolean()).isFalse();
    assertThat(count(progress.get("byLevel"), "YELLOW")).isEqualTo(1);
    assertThat(count(progress.get("byLevel"), "GREEN")).as("the open ones only").isZero();
    assertThat(count(progress.get("byStatus"), "CLOSED")).isEqualTo(1);
    assertThat(count(progress.get("byStatus"), "WITHDRAWN")).isEqualTo(1);
    assertThat(count(progress.get("byStatus"), "IN_PROGRESS")).isEqualTo(1);
    assertThat(progress.at("/list/0/caseNumber").asText()).as("the overdue one first").isEqualTo(c.getCaseNumber());
    assertThat(progress.at("/list/0/overdue").asBoolean()).isTrue();
    assertThat(progress.at("/list/0/levelLabel").asText()).isEqualTo("黄灯");

    JsonNode board = JSON.readTree(http.get("/api/dashboard", "ducha").body()).get("parents");
    JsonNode onBoard = find(board, parent);
    assertThat(onBoard).as("the parent on 督办看板").isNotNull();
    assertThat(onBoard.get("overdue").asInt()).isEqualTo(1);
    assertThat(onBoard.get("children").asInt()).isEqualTo(3);
    assertThat(find(JSON.readTree(http.get("/api/dashboard", "zjj-lin").body()).get("parents"), parent))
        .as("the lead unit sees the parent of its children").isNotNull();

    submitClosure(pc);
    accept(pc, false);
    JsonNode done = JSON.readTree(http.get("/api/breakdowns/" + parent, "ducha").body());
    assertThat(done.at("/progress/done").asBoolean()).isTrue();
    assertThat(done.at("/progress/stateLabel").asText()).isEqualTo("已完成");
    assertThat(done.at("/progress/list").size()).as("its record lists every child").isEqualTo(3);
    assertThat(find(JSON.readTree(http.get("/api/dashboard", "ducha").body()).get("parents"), parent))
        .as("done, it leaves the board").isNull();
    JsonNode list = JSON.readTree(http.get("/api/breakdowns", "ducha").body()).get("parents");
    assertThat(find(list, parent)).as("done, it leaves the page's list in progress").isNull();
    JsonNode donePage = JSON.readTree(http.get("/api/breakdowns/done", "ducha").body()).get("parents");
    assertThat(find(donePage, parent).get("stateLabel").asText()).isEqualTo("已完成");
  }

  @Test
  @DisplayName("R29 the done parents are listed a page at a time, newest first, each viewer's own: a unit's next page passes over more than a hundred done parents of another unit")
  void doneParentsPaged() throws Exception {
    long older = doneParent("分页：住建局较早的一项", "zjj", "zjj-lin");
    List<Long> transport = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      transport.add(doneParent("分页：交通局的一项" + i, "jtj", "jtj-xu"));
    }
    long newer = doneParent("分页：住建局较新的一项", "zjj", "zjj-lin");
    long open = parent("分页：尚未分解的一项");

    JsonNode first = JSON.readTree(http.get("/api/breakdowns/done?size=1", "zjj-lin").body());
    assertThat(ids(first)).containsExactly(newer);
    assertThat(first.get("next").asLong()).isEqualTo(newer);
    JsonNode second = JSON.readTree(http.get("/api/breakdowns/done?size=1&before=" + newer, "zjj-lin").body());
    assertThat(ids(second)).as("the transport bureau's hundred and one passed over").containsExactly(older);
    JsonNode rest = JSON.readTree(http.get("/api/breakdowns/done?before=" + older, "zjj-lin").body());
    assertThat(ids(rest)).as("none of the bureau's older than the first").doesNotContain(older, newer)
        .doesNotContainAnyElementsOf(transport);
    assertThat(rest.get("next").isNull()).as("the last page: no next").isTrue();
    // a unit's scan reads who may see each child as a row: the same as the child itself says
    assertThat(parents.findDoneChildReadersBefore(Long.MAX_VALUE, 200)).hasSizeGreaterThan(102).allSatisfy(row ->
        assertThat(row.viewers()).isEqualTo(cases.findByProcessInstanceId(row.processInstanceId()).orElseThrow()
            .viewers()));

    JsonNode office = JSON.readTree(http.get("/api/breakdowns/done?size=3", "ducha").body());
    assertThat(ids(office)).containsExactly(newer, transport.get(100), transport.get(99));
    JsonNode onward = JSON.readTree(http.get("/api/breakdowns/done?size=2&before=" + office.get("next").asLong(),
        "ducha").body());
    assertThat(ids(onward)).containsExactly(transport.get(98), transport.get(97));
    JsonNode inProgress = JSON.readTree(http.get("/api/breakdowns", "ducha").body()).get("parents");
    assertThat(find(inProgress, open)).as("not yet broken down: in progress").isNotNull();
    assertThat(find(inProgress, newer)).as("done: not in progress").isNull();

    HttpResponse<String> tooMany = http.get("/api/breakdowns/done?size=101", "ducha");
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(tooMany.body()).get("field").asText()).isEqualTo("size");
    HttpResponse<String> notANumber = http.get("/api/breakdowns/done?before=yesterday", "ducha");
    assertThat(notANumber.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(notANumber.body()).get("field").asText()).isEqualTo("before");
  }

  @Test
  @DisplayName("R29 only the supervision office registers and splits a parent; a unit reads only the parents of its own children, and only those children")
  void whoMay() throws Exception {
    long parent = parent("权限测试母事项");
    String row = """
        {"rows": [{"title": "住建局的一项", "content": "内容", "leadUnit": "zjj", "responsiblePerson": "zjj-lin",
          "deadline": "2026-04-30", "qualityChecklist": "完成", "reportIntervalDays": 5}]}""";
    assertThat(http.post("/api/breakdowns/" + parent + "/children", row, "zjj-lin").statusCode()).isEqualTo(403);
    assertThat(http.post("/api/breakdowns", parentJson("单位自行登记"), "zjj-lin").statusCode()).isEqualTo(403);
    assertThat(http.get("/api/breakdowns/" + parent, "jtj-xu").statusCode()).as("no child of the transport bureau")
        .isEqualTo(403);
    assertThat(http.post("/api/breakdowns/" + parent + "/children", row, "ducha").statusCode()).isEqualTo(200);

    assertThat(http.get("/api/breakdowns/" + parent, "zjj-lin").statusCode()).isEqualTo(200);
    assertThat(http.get("/api/breakdowns/" + parent, "jtj-xu").statusCode()).isEqualTo(403);
    assertThat(find(JSON.readTree(http.get("/api/breakdowns", "jtj-xu").body()).get("parents"), parent)).isNull();
    assertThat(JSON.readTree(http.get("/api/breakdowns", "zjj-lin").body()).get("mayRegister").asBoolean()).isFalse();
  }

  @Test
  @DisplayName("R29 a parent is registered with its source, document number and date, each checked with a Chinese message naming the field")
  void parentChecked() throws Exception {
    HttpResponse<String> late = http.post("/api/breakdowns", parentJson("时限已过的母事项").replace("2026-06-30", "2026-02-01"),
        "ducha");
    assertThat(late.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(late.body()).get("field").asText()).isEqualTo("deadline");
    assertThat(JSON.readTree(late.body()).get("detail").asText()).isEqualTo("完成时限不能早于今天（2026-03-02）（deadline）");
    HttpResponse<String> notLeader = http.post("/api/breakdowns", parentJson("领导不对").replace("wangfxz", "zjj-lin"), "ducha");
    assertThat(notLeader.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(notLeader.body()).get("field").asText()).isEqualTo("leaderInCharge");

    JsonNode created = JSON.readTree(http.post("/api/breakdowns", parentJson("会议决定"), "ducha").body());
    assertThat(created.get("sourceLabel").asText()).isEqualTo("重要会议安排");
    assertThat(created.get("documentNumber").asText()).isEqualTo("县政府常务会议纪要〔2026〕3号");
    assertThat(created.get("issuedOn").asText()).isEqualTo("2026-02-26");
    assertThat(created.get("leaderName").asText()).isEqualTo("王建国");
    assertThat(created.get("registeredBy").asText()).isEqualTo("周督查");
  }

  @Test
  @DisplayName("R28 R29 a parent from 领导批示 needs its 文号, date and instructing leader, each refused by its field; its children carry the instructing leader, not the leader in charge, and the leader is told of them")
  void parentFromAnInstruction() throws Exception {
    String json = """
        {"title": "县长批示：背街小巷整治", "source": "LEADER_INSTRUCTION", "documentNumber": "县政府办批〔2026〕15号",
         "issuedOn": "2026-02-27", "content": "背街小巷整治要分片包干，3月底前见效", "leaderInCharge": "wangfxz",
         "instructingLeader": "zhaoxz", "deadline": "2026-06-30"}""";
    for (String[] missing : new String[][] {{"documentNumber", "县政府办批〔2026〕15号", "请填写批示文号"},
        {"issuedOn", "2026-02-27", "请填写批示日期"}, {"instructingLeader", "zhaoxz", "请选择批示领导"}}) {
      HttpResponse<String> refused = http.post("/api/breakdowns", json.replace("\"" + missing[1] + "\"", "\"\""), "ducha");
      assertThat(refused.statusCode()).as(missing[0]).isEqualTo(400);
      JsonNode problem = JSON.readTree(refused.body());
      assertThat(problem.get("field").asText()).isEqualTo(missing[0]);
      assertThat(problem.get("detail").asText()).contains("来源为领导批示的母事项", missing[2]);
    }
    HttpResponse<String> notLeader = http.post("/api/breakdowns", json.replace("\"zhaoxz\"", "\"zjj-lin\""), "ducha");
    assertThat(JSON.readTree(notLeader.body()).get("detail").asText()).contains("不是县领导，不能作为批示领导");

    HttpResponse<String> created = http.post("/api/breakdowns", json, "ducha");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    JsonNode parent = JSON.readTree(created.body());
    assertThat(parent.get("instructingLeader").asText()).isEqualTo("zhaoxz");
    assertThat(parent.get("instructingLeaderName").asText()).isEqualTo("赵振邦");
    String rows = """
        {"rows": [{"title": "东片背街小巷整治", "content": "东片整治", "leadUnit": "zjj", "responsiblePerson": "zjj-lin",
          "deadline": "2026-04-30", "qualityChecklist": "路面平整", "milestones": "2026-03-31 完成东片"}]}""";
    HttpResponse<String> split = http.post("/api/breakdowns/" + parent.get("id").asLong() + "/children", rows, "ducha");
    assertThat(split.statusCode()).as(split.body()).isEqualTo(200);
    SupervisionCase child = cases.findByCaseNumber(JSON.readTree(split.body()).at("/caseNumbers/0").asText()).orElseThrow();
    assertThat(child.getLeaderInCharge()).isEqualTo("wangfxz");
    assertThat(child.getInstruction().getLeader()).as("the instructing leader, not the leader in charge").isEqualTo("zhaoxz");
    assertThat(child.getInstruction().getDocumentNumber()).isEqualTo("县政府办批〔2026〕15号");
    assertThat(child.getInstruction().getDate()).isEqualTo(LocalDate.of(2026, 2, 27));
    JsonNode list = JSON.readTree(http.get("/api/instructions", "zhaoxz").body());
    assertThat(list.findValuesAsText("caseNumber")).contains(child.getCaseNumber());
  }

  @Test
  @DisplayName("R1 R29 a row with no milestones and a blank reporting interval is registered with the default interval, as the registration form registers it; an interval of 0 without milestones is refused by registration's own rule")
  void blankIntervalTakesTheDefault() throws Exception {
    long parent = parent("进度只填周期的分解");
    String rows = """
        {"rows": [{"title": "只有默认周期", "content": "按期报送", "leadUnit": "zjj", "responsiblePerson": "zjj-lin",
          "deadline": "2026-04-30", "qualityChecklist": "按期完成"}]}""";
    HttpResponse<String> split = http.post("/api/breakdowns/" + parent + "/children", rows, "ducha");
    assertThat(split.statusCode()).as(split.body()).isEqualTo(200);
    SupervisionCase c = cases.findByCaseNumber(JSON.readTree(split.body()).at("/caseNumbers/0").asText()).orElseThrow();
    assertThat(supervision.milestones(c.getId())).isEmpty();
    assertThat(c.getReportIntervalDays()).as("the default, as registration gives it").isEqualTo(5);

    HttpResponse<String> zero = http.post("/api/breakdowns/" + parent + "/children",
        rows.replace("\"qualityChecklist\"", "\"reportIntervalDays\": 0, \"qualityChecklist\""), "ducha");
    assertThat(zero.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(zero.body()).at("/problems/0/message").asText()).contains("定进度");
  }

  // ------------------------------------------------------------------ helpers

  private long parent(String title) throws Exception {
    HttpResponse<String> answer = http.post("/api/breakdowns", parentJson(title), "ducha");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body()).get("id").asLong();
  }

  /** A parent with one child of the unit, withdrawn: done. */
  private long doneParent(String title, String unit, String person) throws Exception {
    long parent = parent(title);
    HttpResponse<String> split = http.post("/api/breakdowns/" + parent + "/children", """
        {"rows": [{"title": "%s", "content": "内容", "leadUnit": "%s", "responsiblePerson": "%s",
          "deadline": "2026-04-30", "qualityChecklist": "完成", "reportIntervalDays": 5}]}"""
        .formatted(title, unit, person), "ducha");
    assertThat(split.statusCode()).as(split.body()).isEqualTo(200);
    long caseId = cases.findByCaseNumber(JSON.readTree(split.body()).at("/caseNumbers/0").asText()).orElseThrow().getId();
    HttpResponse<String> withdrawn = http.post("/api/cases/" + caseId + "/withdrawal",
        "{\"withdrawalReason\": \"并入其他事项\"}", "ducha");
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
    return parent;
  }

  private static List<Long> ids(JsonNode page) {
    List<Long> ids = new ArrayList<>();
    page.get("parents").forEach(p -> ids.add(p.get("id").asLong()));
    return ids;
  }

  private static String parentJson(String title) {
    return """
        {"title": "%s", "source": "IMPORTANT_MEETING", "documentNumber": "县政府常务会议纪要〔2026〕3号",
         "issuedOn": "2026-02-26", "content": "会议研究部署2026年重点工作", "leaderInCharge": "wangfxz",
         "deadline": "2026-06-30"}""".formatted(title);
  }

  private static Map<BreakdownColumn, Object> with(Map<BreakdownColumn, Object> row, BreakdownColumn column, Object value) {
    row.put(column, value);
    return row;
  }

  private Integer counter() {
    return jdbc.queryForList("select last_number from case_number_counter where counter_year = 2026", Integer.class)
        .stream().findFirst().orElse(0);
  }

  private ProcessInstance instance(SupervisionCase c) {
    return runtime.createProcessInstanceQuery().processInstanceId(c.getProcessInstanceId()).singleResult();
  }

  private static long count(JsonNode counts, String code) {
    for (JsonNode c : counts) {
      if (c.get("code").asText().equals(code)) {
        return c.get("count").asLong();
      }
    }
    throw new AssertionError("no count " + code + " in " + counts);
  }

  private static JsonNode find(JsonNode parents, long id) {
    for (JsonNode p : parents) {
      if (p.get("id").asLong() == id) {
        return p;
      }
    }
    return null;
  }
}
