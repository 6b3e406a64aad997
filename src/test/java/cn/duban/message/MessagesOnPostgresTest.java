package cn.duban.message;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.PostgresTestSupport;
import cn.duban.organization.OrganizationService;
import cn.duban.supervision.SupervisionCase;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * R33 on PostgreSQL: two nodes' pollers working one outbox at the same time send each message
 * once; the conditional UPDATEs that claim an event and a delivery decide which node sends it.
 */
@TestPropertySource(properties = {
    "duban.messages.poller-enabled=false",
    "duban.messages.mail.enabled=true",
    "duban.messages.webhook.enabled=true",
    "spring.mail.host=127.0.0.1"})
class MessagesOnPostgresTest extends PostgresTestSupport {

  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

  static final FakeEndpoint endpoint = new FakeEndpoint();

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
  }

  @AfterAll
  static void stopEndpoint() {
    endpoint.close();
  }

  @Autowired MessageOutbox outbox;
  @Autowired Messages messages;
  @Autowired MessageWebhooks webhooks;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired MessageRecipients recipients;
  @Autowired MessageTemplates templates;
  @Autowired MessageSettings settings;
  @Autowired MessageSenders senders;
  @Autowired MessageProperties properties;
  @Autowired OrganizationService organization;
  @Autowired cn.duban.calendar.LimitClock clock;

  @Test
  @DisplayName("R33 two nodes working one outbox on PostgreSQL at the same time send every message once")
  void twoNodesSendOnce() throws Exception {
    for (String[] p : new String[][] {{"jtj-xu", "xu@jtj.example.gov.cn"}, {"jtj-gao", "gao@jtj.example.gov.cn"},
        {"zjj-lin", "lin@zjj.example.gov.cn"}, {"zjj-he", "he@zjj.example.gov.cn"}, {"wangfxz", "wang@example.gov.cn"}}) {
      User u = identity.createUserQuery().userId(p[0]).singleResult();
      u.setEmail(p[1]);
      identity.saveUser(u);
    }
    webhooks.save("UNIT:jtj", "WECHAT", endpoint.url("/robot/jtj"), null, "admin");
    // a real case on PostgreSQL: its green notice and the sign-for task are in the outbox with it
    ProcessInstance pi = register();
    SupervisionCase c = caseOf(pi);
    int events = 20;
    for (int i = 0; i < events; i++) {
      messages.enqueue(MessageEvent.of(MessageType.NOTICE_YELLOW, "pg:two-nodes:" + i).with("unit", "jtj")
          .with("caseNumber", "督〔2026〕" + (500 + i) + "号").with("title", "两节点事项" + i).build());
    }
    MessageOutbox second = new MessageOutbox(jdbc, transactionManager, clock, properties, recipients, templates, settings,
        webhooks, senders, organization);

    ExecutorService nodes = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> sent = new ArrayList<>();
    for (MessageOutbox node : List.of(outbox, second)) {
      Callable<Integer> work = () -> {
        start.await();
        int n = 0;
        for (int round = 0; round < 4; round++) {
          n += node.work();
        }
        return n;
      };
      sent.add(nodes.submit(work));
    }
    start.countDown();
    int total = sent.get(0).get() + sent.get(1).get();
    nodes.shutdown();

    // per yellow event: xu and gao by mail, the transport bureau's robot
    List<FakeEndpoint.Request> robot = endpoint.to("/robot/jtj");
    Map<String, Long> perTitle = robot.stream().map(r -> r.body().replaceAll(".*(两节点事项\\d+).*", "$1"))
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(perTitle).hasSize(events).allSatisfy((title, n) -> assertThat(n).as(title).isOne());
    List<MimeMessage> mails = Arrays.asList(mail.getReceivedMessages());
    Map<String, Long> perMail = mails.stream().map(m -> key(m))
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(perMail).allSatisfy((k, n) -> assertThat(n).as(k).isOne());
    assertThat(perMail.keySet().stream().filter(k -> k.contains("两节点事项")).count()).isEqualTo(2L * events);
    assertThat(perMail.keySet()).anySatisfy(k -> assertThat(k).contains(c.getCaseNumber(), "立项通知单", "lin@zjj"));
    assertThat(total).isEqualTo(mails.size() + robot.size());
    assertThat(jdbc.queryForObject("select count(*) from message_delivery where status <> 'SENT'", Integer.class)).isZero();
  }

  private static String key(MimeMessage m) {
    try {
      return m.getAllRecipients()[0] + " " + m.getSubject() + " " + m.getContent().toString().replaceAll("(?s).*(两节点事项\\d+).*", "$1");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
