package cn.duban.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.ProcessTestSupport;
import java.util.Map;
import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The answers of the rule tables as the application asks them: the latest version's, whatever FEEL it uses. */
class DecisionsTest extends ProcessTestSupport {

  @Autowired Decisions decisions;

  @Test
  @DisplayName("a redeployed table answers at once; an entry only the full FEEL understands is still evaluated")
  void redeploymentAndFullFeel() {
    deploy("[0..10]", "小");
    assertThat(decisions.table("duban-test-size").firstResult(Map.of("n", 4)).orElseThrow()).containsEntry("size", "小");
    assertThat(decisions.firstResult("duban-test-size", Map.of("n", 4)).orElseThrow()).containsEntry("size", "小");
    assertThat(decisions.table("duban-test-size").firstResult(Map.of("n", 40))).isEmpty();

    // an analyst's new version, with a FEEL function the simple unary tests do not know
    deploy("even(?)", "双");
    assertThat(decisions.table("duban-test-size").firstResult(Map.of("n", 4)).orElseThrow()).containsEntry("size", "双");
    assertThat(decisions.firstResult("duban-test-size", Map.of("n", 4)).orElseThrow()).containsEntry("size", "双");
    assertThat(decisions.table("duban-test-size").firstResult(Map.of("n", 3))).isEmpty();
  }

  private void deploy(String inputEntry, String output) {
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="http://duban.cn/test">
          <decision id="duban-test-size" name="测试">
            <decisionTable id="t" hitPolicy="FIRST">
              <input id="i"><inputExpression id="ie" typeRef="integer"><text>n</text></inputExpression></input>
              <output id="o" name="size" typeRef="string" />
              <rule id="r"><inputEntry id="e"><text>%s</text></inputEntry><outputEntry id="oe"><text>"%s"</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>
        """.formatted(inputEntry, output);
    repository.createDeployment().addModelInstance("duban-test-size.dmn", Dmn.readModelFromStream(
        new java.io.ByteArrayInputStream(xml.strip().getBytes(java.nio.charset.StandardCharsets.UTF_8)))).deploy();
  }
}
