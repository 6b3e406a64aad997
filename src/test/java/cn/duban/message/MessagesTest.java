package cn.duban.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doCallRealMethod;

import cn.duban.Http;
import cn.duban.ProcessTestSupport;
import cn.duban.dashboard.DailyMessages;
import cn.duban.supervision.SupervisionCase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * R33: messages reach the right people once, after the case's change is stored: a real SMTP server
 * (GreenMail) and a real HTTP server standing in for the group robots and the SMS gateway.
 */
@TestPropertySource(properties = {
    "camunda.bpm.generate-unique-process-engine-name=true",
    "duban.messages.mail.enabled=true",
    "duban.messages.webhook.enabled=true",
    "duban.messages.sms.enabled=true",
    "duban.messages.max-attempts=3",
    "duban.messages.base-url=https://duban.example.gov.cn",
    "spring.mail.host=127.0.0.1"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MessagesTest extends ProcessTestSupport {

  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

  static final FakeEndpoint endpoint = new FakeEndpoint();
  private static final ObjectMapper JSON = new ObjectMapper();

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
    registry.add("duban.messages.sms.url", () -> endpoint.url("/sms"));
    registry.add("duban.messages.sms.user", () -> "gateway-user");
    registry.add("duban.messages.sms.password", () -> "gateway-secret");
  }

  @AfterAll
  static void stopEndpoint() {
    endpoint.close();
  }

  @MockitoSpyBean Messages messages;
  @Autowired MessageOutbox outbox;
  @Autowired MessageWebhooks webhooks;
  @Autowired MessageSettings settings;
  @Autowired DailyMessages daily;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  @BeforeEach
  void addressesAndRobots() {
    for (String[] p : new String[][] {{"zjj-lin", "lin@zjj.example.gov.cn"}, {"zjj-he", "he@zjj.example.gov.cn"},
        {"wangfxz", "wang@example.gov.cn"}, {"jtj-xu", "xu@jtj.example.gov.cn"}, {"jtj-gao", "gao@jtj.example.gov.cn"},
        {"ducha", "ducha@example.gov.cn"}}) {
      User u = identity.createUserQuery().userId(p[0]).singleResult();
      if (!p[1].equals(u.getEmail())) {
        u.setEmail(p[1]);
        identity.saveUser(u);
      }
    }
    webhooks.save("UNIT:zjj", "WECHAT", endpoint.url("/robot/zjj"), null, "admin");
    // everything earlier tests left goes out first, so that each test sees only its own messages
    outbox.work();
  }

  /** A person's own channels and quiet hours, which a test sets, would change whom the next one's messages reach. */
  @AfterEach
  void ownSettingsBack() {
    jdbc.update("delete from message_setting");
  }

  @Test
  @DisplayName("R33 a yellow notice produces one mail to each of the unit's handler and head and the leader in charge, and one group-robot message, even when its timer job failed once and was retried")
  void yellowNoticeOnceDespiteARetry() throws Exception {
    ProcessInstance pi = register();
    signFor(pi);
    SupervisionCase c = caseOf(pi);
    outbox.work();
    mail.purgeEmailFromAllMailboxes();
    endpoint.requests.clear();
    // the yellow step writes its message, then fails: the job is retried
    doAnswer(inv -> {
      inv.callRealMethod();
      throw new IllegalStateException("通知单打印服务暂时不可用");
    }).doCallRealMethod().when(messages).enqueue(argThat(e -> e != null && e.type() == MessageType.NOTICE_YELLOW));

    // other tests' yellow notices, whichever ran before this one
    Set<String> earlier = outbox.eventKeys(MessageType.NOTICE_YELLOW);
    Job job = timer(pi, "stageLimitReached");
    assertThatThrownBy(() -> fire(pi, "stageLimitReached")).hasMessageContaining("通知单打印服务暂时不可用");
    assertThat(outbox.work()).as("the failed attempt left no message").isZero();
    assertThat(outbox.eventKeys(MessageType.NOTICE_YELLOW)).isEqualTo(earlier);

    management.executeJob(job.getId());
    doCallRealMethod().when(messages).enqueue(argThat(e -> e != null));
    outbox.work();
    outbox.work();

    List<MimeMessage> yellow = Arrays.stream(mail.getReceivedMessages())
        .filter(m -> subject(m).contains("限期催办单")).toList();
    assertThat(yellow).extracting(m -> m.getRecipients(Message.RecipientType.TO)[0].toString())
        .containsExactlyInAnyOrder("lin@zjj.example.gov.cn", "he@zjj.example.gov.cn", "wang@example.gov.cn");
    MimeMessage toLin = yellow.stream().filter(m -> recipient(m).startsWith("lin@")).findFirst().orElseThrow();
    String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(toLin);
    assertThat(subject(toLin)).contains(c.getCaseNumber());
    assertThat(toLin.getContent().toString()).contains("林晓东", c.getTitle(), "县住房和城乡建设局", "黄灯",
        "https://duban.example.gov.cn/api/cases/" + c.getId() + "/notices/YELLOW");
    assertThat(body).isNotBlank();

    List<FakeEndpoint.Request> robot = endpoint.to("/robot/zjj");
    assertThat(robot).singleElement().satisfies(r -> {
      JsonNode json = JSON.readTree(r.body());
      assertThat(json.get("msgtype").asText()).isEqualTo("text");
      assertThat(json.at("/text/content").asText()).contains("限期催办单", c.getCaseNumber());
    });
    assertThat(outbox.ofType(MessageType.NOTICE_YELLOW)).filteredOn(d -> !earlier.contains(d.eventKey())).isNotEmpty()
        .allSatisfy(d -> assertThat(d.status()).isEqualTo("SENT"));
  }

  @Test
  @DisplayName("R33 a task offered to a unit tells its handlers and the post's holder once; the green notice goes to the handlers, head and leader in charge")
  void newTaskAndGreenNotice() throws Exception {
    ProcessInstance pi = register();
    SupervisionCase c = caseOf(pi);
    outbox.work();
    List<MessageOutbox.Delivery> task = outbox.ofEvent("task:" + pi.getId() + ":signFor:zjj");
    assertThat(task).extracting(MessageOutbox.Delivery::recipient, MessageOutbox.Delivery::channel)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("PERSON:zjj-lin", Channel.MAIL),
            org.assertj.core.groups.Tuple.tuple("UNIT:zjj", Channel.WEBHOOK));
    assertThat(task.get(0).body()).contains("签收督办事项", c.getCaseNumber(), "/camunda/app/tasklist/default/#/?task=");
    assertThat(outbox.ofType(MessageType.NOTICE_GREEN).stream().filter(d -> d.body().contains(c.getCaseNumber())))
        .extracting(MessageOutbox.Delivery::recipient).contains("PERSON:zjj-lin", "PERSON:zjj-he", "PERSON:wangfxz");
  }

  @Test
  @DisplayName("R33 the reminder three working days before the limit goes out on the right working day across the National Day holiday")
  void reminderAcrossAHoliday() {
    setClock(LocalDateTime.of(2026, 9, 21, 9, 0));
    Map<String, Object> form = registrationForm();
    form.put("title", "国庆前完成的事项");
    form.put("deadline", "2026-10-09");
    form.put("milestones", "2026-10-09 全部完成");
    SupervisionCase c = caseOf(register(form));
    String prefix = "reminder:" + c.getId() + ":";

    // Friday 25 September to Sunday 27: the Mid-Autumn festival; Monday 28: Oct 9 is still 4 working days away
    for (int day : new int[] {25, 26, 27, 28}) {
      setClock(LocalDateTime.of(2026, 9, day, 8, 30));
      daily.run();
      assertThat(reminders(prefix)).as("on 2026-09-%d", day).isEmpty();
    }
    // Tuesday 29: 30 September, (1-7 October off), 8 and 9 October: three working days
    setClock(LocalDateTime.of(2026, 9, 29, 8, 30));
    daily.run();
    assertThat(reminders(prefix)).hasSize(1);
    setClock(LocalDateTime.of(2026, 9, 30, 8, 30));
    daily.run();
    assertThat(reminders(prefix)).as("reminded once").hasSize(1);

    outbox.work();
    List<MessageOutbox.Delivery> sent = outbox.ofType(MessageType.DEADLINE_REMINDER).stream()
        .filter(d -> d.eventKey().startsWith(prefix)).toList();
    assertThat(sent).extracting(MessageOutbox.Delivery::recipient)
        .containsExactlyInAnyOrder("PERSON:zjj-lin", "PERSON:zjj-he", "UNIT:zjj");
    assertThat(sent.get(0).body()).contains("2026年10月9日", "3个工作日");
    // the digest of 30 September: the office's people and the leader in charge hear of it
    assertThat(outbox.eventKeys(MessageType.DAILY_DIGEST)).contains("digest:2026-09-30:ducha", "digest:2026-09-30:wangfxz");
  }

  @Test
  @DisplayName("R33 the morning the sign-for limit ends, the unit's handler and post holder are reminded once")
  void signForLapsing() {
    SupervisionCase c = caseOf(register());
    setClock(LocalDateTime.of(2026, 3, 3, 8, 30));
    assertThat(daily.run().signForReminders()).isPositive();
    daily.run();
    outbox.work();
    assertThat(outbox.ofType(MessageType.SIGN_FOR_LAPSING)).filteredOn(d -> d.eventKey().startsWith("sign-for:" + c.getId() + ":"))
        .extracting(MessageOutbox.Delivery::recipient).containsExactlyInAnyOrder("PERSON:zjj-lin", "UNIT:zjj");
  }

  @Test
  @DisplayName("R33 the subject of accountability hears that it started, of the decision with its appeal window, and on the window's last day")
  void accountabilityStartedDecidedAndAppealClosing() {
    Map<String, Object> vars = new java.util.HashMap<>(Map.of("subject", "PERSON:zjj-lin", "trigger", "RED_LIMIT_LAPSED",
        "sourceCase", "督〔2026〕777号", "sourceTitle", "城区老旧小区改造", "description", "限期具结时限届满仍未办结",
        "caseLeader", "wangfxz"));
    ProcessInstance pi = runtime.startProcessInstanceByKey("accountability", "督〔2026〕777号", vars);
    outbox.work();
    assertThat(outbox.ofType(MessageType.ACCOUNTABILITY_STARTED)).filteredOn(d -> d.body().contains("督〔2026〕777号"))
        .extracting(MessageOutbox.Delivery::recipient, MessageOutbox.Delivery::channel)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("PERSON:zjj-lin", Channel.MAIL));

    complete(pi, "assessFault", "xiaoneng", Map.of("severity", "GENERAL", "directResponsibility", true,
        "facts", "经调查，未按期办结且未说明理由"));
    complete(pi, "approveMeasure", "wangfxz", Map.of("approvalDecision", "APPROVE"));
    outbox.work();
    assertThat(outbox.ofType(MessageType.ACCOUNTABILITY_DECIDED)).filteredOn(d -> d.body().contains("林晓东"))
        .singleElement().satisfies(d -> assertThat(d.body()).contains("训诫", "2026年3月9日"));

    setClock(LocalDateTime.of(2026, 3, 9, 8, 30));
    assertThat(daily.run().appealReminders()).isOne();
    outbox.work();
    assertThat(outbox.ofType(MessageType.APPEAL_CLOSING)).extracting(MessageOutbox.Delivery::recipient)
        .containsExactly("PERSON:zjj-lin");
  }

  @Test
  @DisplayName("R33 a complaint's urging notice and its circulated criticism reach the handling unit's handler and head, each once")
  void complaintUrgingAndCriticism() {
    ProcessInstance pi = fileComplaint(complaintForm());
    Map<String, Object> routing = new java.util.HashMap<>(Map.of("routing", "SUPERVISE", "handlingUnit", "zjj"));
    complete(pi, "routeComplaint", "tousu", routing);
    fire(pi, "supervisedReminderDue");
    fire(pi, "urgingDue");
    fire(pi, "criticismDue");
    outbox.work();
    String code = runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getBusinessKey();
    for (MessageType type : List.of(MessageType.COMPLAINT_URGING, MessageType.COMPLAINT_CRITICISM)) {
      assertThat(outbox.ofType(type)).filteredOn(d -> d.channel() == Channel.MAIL && d.eventKey().startsWith("complaint:"))
          .extracting(MessageOutbox.Delivery::recipient).containsExactlyInAnyOrder("PERSON:zjj-lin", "PERSON:zjj-he");
    }
    assertThat(outbox.ofType(MessageType.COMPLAINT_URGING).get(0).body())
        .contains(code, "县住房和城乡建设局", "/api/complaints/" + code + "/urging-notice");
  }

  @Test
  @DisplayName("R33 R34 a published bulletin reaches every unit's head and robot and the county's leaders, with its page")
  void bulletinPublished() {
    messages.enqueue(MessageEvent.of(MessageType.BULLETIN_PUBLISHED, "bulletin:9001").with("title", "督查通报（2026年2月）")
        .with("period", "2026年2月").with("link", "/api/bulletins/9001/page").build());
    outbox.work();
    List<MessageOutbox.Delivery> sent = outbox.ofType(MessageType.BULLETIN_PUBLISHED);
    assertThat(sent).extracting(MessageOutbox.Delivery::recipient)
        .contains("PERSON:zjj-he", "PERSON:fgj-liu", "PERSON:jtj-gao", "UNIT:zjj", "PERSON:wangfxz", "PERSON:zhaoxz")
        .doesNotContain("PERSON:zjj-lin", "PERSON:ducha");
    assertThat(sent).filteredOn(d -> d.channel() == Channel.MAIL).first().satisfies(d -> assertThat(d.body())
        .contains("督查通报（2026年2月）", "/api/bulletins/9001/page"));
  }

  @Test
  @DisplayName("R33 an administrator edits a template and an event's recipients, and the next messages follow them; others are refused")
  void administratorEditsTemplatesAndRecipients() {
    Http http = new Http(port);
    try {
      editedTemplateAndRecipients(http);
    } finally {
      // back to the file's text and the default recipients
      http.send("PUT", "/api/messages/templates/COMPLAINT_CRITICISM", "{\"subject\":\"\",\"body\":\"\"}", "admin");
      http.send("PUT", "/api/messages/recipients/COMPLAINT_CRITICISM", "[\"UNIT_HEAD\",\"UNIT_HANDLERS\"]", "admin");
    }
    assertThat(http.get("/api/messages/templates", "admin").body()).contains("经催办仍未办结，予以通报批评");

    // Camunda Admin's page 消息提醒
    var script = http.get("/camunda/api/admin/plugin/duban-messages/static/app/plugin.js", null);
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).contains("admin.system", "消息提醒", "保存模板", "群机器人");
  }

  private void editedTemplateAndRecipients(Http http) {
    var saved = http.send("PUT", "/api/messages/templates/COMPLAINT_CRITICISM",
        "{\"subject\":\"【通报】{caseNumber}\",\"body\":\"{recipientName}同志：{unitName}被通报批评。\"}", "admin");
    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(saved.body()).contains("\"custom\":true");
    var roles = http.send("PUT", "/api/messages/recipients/COMPLAINT_CRITICISM", "[\"UNIT_HEAD\",\"SUPERVISION_OFFICE\"]",
        "admin");
    assertThat(roles.statusCode()).isEqualTo(200);
    assertThat(http.send("PUT", "/api/messages/recipients/COMPLAINT_CRITICISM", "[\"NOBODY\"]", "admin").body())
        .contains("roles");
    assertThat(http.send("PUT", "/api/messages/templates/COMPLAINT_CRITICISM", "{\"subject\":\"x\",\"body\":\"\"}",
        "admin").statusCode()).isEqualTo(400);
    assertThat(http.send("PUT", "/api/messages/templates/COMPLAINT_CRITICISM", "{\"subject\":\"x\",\"body\":\"y\"}",
        "ducha").statusCode()).isEqualTo(403);
    var robot = http.send("PUT", "/api/messages/webhooks/UNIT:sthj",
        "{\"kind\":\"DINGTALK\",\"url\":\"https://oapi.dingtalk.com/robot/send?access_token=x\",\"secret\":\"SEC1\"}", "admin");
    assertThat(robot.statusCode()).isEqualTo(200);
    assertThat(http.get("/api/messages/webhooks", "admin").body()).contains("UNIT:sthj", "******").doesNotContain("SEC1");
    assertThat(http.send("PUT", "/api/messages/webhooks/UNIT:sthj", "{\"kind\":\"QQ\",\"url\":\"https://x\"}", "admin")
        .body()).contains("kind");

    messages.enqueue(MessageEvent.of(MessageType.COMPLAINT_CRITICISM, "test:edited").with("unit", "zjj")
        .with("caseNumber", "投〔2026〕5号").build());
    outbox.work();
    List<MessageOutbox.Delivery> sent = outbox.ofEvent("test:edited");
    assertThat(sent).extracting(MessageOutbox.Delivery::recipient).contains("PERSON:zjj-he", "PERSON:ducha", "UNIT:zjj")
        .doesNotContain("PERSON:zjj-lin");
    assertThat(sent).filteredOn(d -> d.recipient().equals("PERSON:zjj-he") && d.channel() == Channel.MAIL).singleElement().satisfies(d -> {
      assertThat(d.subject()).isEqualTo("【通报】投〔2026〕5号");
      assertThat(d.body()).isEqualTo("何建平同志：县住房和城乡建设局被通报批评。");
    });
  }

  private java.util.Set<String> reminders(String prefix) {
    return outbox.eventKeys(MessageType.DEADLINE_REMINDER).stream().filter(k -> k.startsWith(prefix))
        .collect(java.util.stream.Collectors.toSet());
  }

  @Test
  @DisplayName("R33 quiet hours hold an SMS written at 22:30 until 7:00; the mail goes at once")
  void quietHoursHoldAnSms() {
    settings.save("jtj-xu", true, false, true, "13800000001", null, null);
    setClock(LocalDateTime.of(2026, 3, 2, 22, 30));
    messages.enqueue(MessageEvent.of(MessageType.NOTICE_RED, "test:quiet").with("unit", "jtj").with("caseNumber", "督〔2026〕99号")
        .with("title", "夜间发出的具结单").build());
    endpoint.requests.clear();
    outbox.work();
    assertThat(outbox.ofEvent("test:quiet")).filteredOn(d -> d.channel() == Channel.MAIL)
        .allSatisfy(d -> assertThat(d.status()).isEqualTo("SENT"));
    assertThat(endpoint.to("/sms")).isEmpty();
    assertThat(outbox.ofEvent("test:quiet")).filteredOn(d -> d.channel() == Channel.SMS).singleElement()
        .satisfies(d -> assertThat(d.nextAttemptAt()).isEqualTo(at(LocalDateTime.of(2026, 3, 3, 7, 0)).toInstant()));

    setClock(LocalDateTime.of(2026, 3, 3, 6, 59));
    outbox.work();
    assertThat(endpoint.to("/sms")).isEmpty();
    setClock(LocalDateTime.of(2026, 3, 3, 7, 0));
    outbox.work();
    assertThat(endpoint.to("/sms")).singleElement().satisfies(r -> {
      assertThat(JSON.readTree(r.body()).get("phone").asText()).isEqualTo("13800000001");
      assertThat(JSON.readTree(r.body()).get("text").asText()).contains("夜间发出的具结单");
      assertThat(r.authorization()).isEqualTo("Basic " + java.util.Base64.getEncoder()
          .encodeToString("gateway-user:gateway-secret".getBytes()));
    });
  }

  @Test
  @DisplayName("R33 a failing group robot is retried with growing pauses, then shown as failed on 督办看板's list and sent when the office retries it")
  void failingWebhookIsRetriedShownAndRetryable() throws Exception {
    webhooks.save("UNIT:jtj", "DINGTALK", endpoint.url("/robot/jtj") + "?access_token=t", "SEC-test", "admin");
    endpoint.answer("/robot/jtj", 500);
    messages.enqueue(MessageEvent.of(MessageType.NOTICE_YELLOW, "test:failing").with("unit", "jtj")
        .with("caseNumber", "督〔2026〕98号").with("title", "机器人故障时的催办单").build());
    outbox.work();
    MessageOutbox.Delivery robot = outbox.ofEvent("test:failing").stream()
        .filter(d -> d.channel() == Channel.WEBHOOK).findFirst().orElseThrow();
    assertThat(robot.status()).isEqualTo("PENDING");
    assertThat(robot.attempts()).isOne();
    assertThat(robot.lastError()).contains("500");
    // one minute, then two: the third try is the last
    setClock(MONDAY.plusMinutes(1));
    outbox.work();
    assertThat(outbox.find(robot.id()).status()).isEqualTo("PENDING");
    setClock(MONDAY.plusMinutes(2));
    outbox.work();
    assertThat(outbox.find(robot.id()).attempts()).as("not before its pause").isEqualTo(2);
    setClock(MONDAY.plusMinutes(3));
    outbox.work();
    assertThat(outbox.find(robot.id()).status()).isEqualTo("FAILED");
    assertThat(endpoint.to("/robot/jtj")).hasSize(3).allSatisfy(r ->
        assertThat(r.query()).startsWith("access_token=t&timestamp=").contains("&sign="));

    Http http = new Http(port);
    var failed = http.get("/api/messages/deliveries?status=FAILED", "ducha");
    assertThat(failed.statusCode()).isEqualTo(200);
    assertThat(failed.body()).contains("机器人故障时的催办单", "\"status\":\"FAILED\"", "（群机器人）")
        .as("the robot's token stays with the administrator").doesNotContain("access_token");
    assertThat(http.get("/api/messages/deliveries?status=FAILED", "jtj-xu").statusCode()).isEqualTo(403);

    endpoint.answer("/robot/jtj", 200);
    var retried = http.post("/api/messages/deliveries/" + robot.id() + "/retry", "", "ducha");
    assertThat(retried.statusCode()).isEqualTo(200);
    outbox.work();
    assertThat(outbox.find(robot.id()).status()).isEqualTo("SENT");
    assertThat(http.post("/api/messages/deliveries/" + robot.id() + "/retry", "", "ducha").statusCode()).isEqualTo(409);

    // sent messages are forgotten after 90 days; the event's key stays, so it is never told again
    setClock(MONDAY.plusDays(91));
    outbox.purge();
    assertThat(outbox.ofEvent("test:failing")).isEmpty();
    assertThat(outbox.eventKeys(MessageType.NOTICE_YELLOW)).contains("test:failing");
  }

  @Test
  @DisplayName("R33 a burst of notices goes out in one look of the outbox, however many batches it fills, and fifty events that cannot be expanded do not hold it up")
  void burstInOneLook() {
    endpoint.requests.clear();
    int broken = 50;
    int events = 60;
    try {
      // unreadable parameters, before the burst in the outbox's order: each fails and is left for the next look
      for (int i = 0; i < broken; i++) {
        jdbc.update("insert into message_event (event_key, event_type, created_at, params) values (?, 'NOTICE_YELLOW',"
            + " current_timestamp, 'not json')", "test:broken:" + i);
      }
      for (int i = 0; i < events; i++) {
        messages.enqueue(MessageEvent.of(MessageType.NOTICE_YELLOW, "test:burst:" + i).with("unit", "zjj")
            .with("caseNumber", "督〔2026〕" + (700 + i) + "号").with("title", "批量催办事项" + i).build());
      }

      outbox.work();

      assertThat(jdbc.queryForObject("select count(*) from message_event where event_key like 'test:burst:%'"
          + " and expanded_at is null", Integer.class)).as("events of the burst left unexpanded").isZero();
      // the unit's robot once per event, and every mail and robot message of the burst sent (an SMS may wait for the end of quiet hours)
      assertThat(endpoint.to("/robot/zjj").stream().map(r -> r.body().replaceAll("(?s).*(批量催办事项\\d+).*", "$1"))
          .filter(t -> t.startsWith("批量催办事项")).distinct().count()).isEqualTo(events);
      assertThat(jdbc.queryForObject("select count(*) from message_delivery where event_key like 'test:burst:%'"
          + " and channel <> 'SMS' and status <> 'SENT'", Integer.class)).as("deliveries of the burst not sent").isZero();
      assertThat(jdbc.queryForObject("select count(*) from message_delivery where event_key like 'test:burst:%'"
          + " and channel = 'MAIL'", Integer.class)).as("mails: the unit's handler and head per event")
          .isEqualTo(2 * events);
      assertThat(jdbc.queryForObject("select count(*) from message_event where event_key like 'test:broken:%'"
          + " and expanded_at is null", Integer.class)).isEqualTo(broken);
    } finally {
      // the other tests look at the yellow notices' events and deliveries
      jdbc.update("delete from message_delivery where event_key like 'test:burst:%'");
      jdbc.update("delete from message_event where event_key like 'test:burst:%' or event_key like 'test:broken:%'");
    }
  }

  @Test
  @DisplayName("R33 a person sets his own channels, phone and quiet hours; a wrong time is refused naming the field")
  void ownSettings() {
    Http http = new Http(port);
    var saved = http.send("PUT", "/api/messages/settings",
        "{\"mail\":true,\"webhook\":false,\"sms\":true,\"phone\":\"13900000002\",\"quietFrom\":\"21:30\",\"quietUntil\":\"08:00\"}",
        "zjj-he");
    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(http.get("/api/messages/settings", "zjj-he").body()).contains("\"quietFrom\":\"21:30\"", "13900000002");
    var wrong = http.send("PUT", "/api/messages/settings", "{\"sms\":true,\"phone\":\"13900000002\",\"quietFrom\":\"25点\"}",
        "zjj-he");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).contains("quietFrom");
    var page = http.get("/messages/settings.html", "zjj-he");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("消息提醒设置", "免打扰时段");
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String recipient(MimeMessage m) {
    try {
      return m.getRecipients(Message.RecipientType.TO)[0].toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
