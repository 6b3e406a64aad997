package cn.duban.engine;

import cn.duban.common.InputException;
import java.io.ByteArrayInputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnExpressionImpl;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The answers of the rule tables (processes/rules/*.dmn) that the application asks many times with
 * the same inputs (a yellow notice's points for a lead unit, in every case that turns yellow). A
 * deployed version of a table never changes, so its answer to the same inputs is kept, per
 * version: each call still asks which version is the latest, so an analyst's redeployment counts
 * from the next question on, on every node. The first question to a version is evaluated as
 * usual and leaves its decision history; the answers themselves are booked with the rule's
 * reference and label (the ledger), where the offices read them.
 */
@Component
public class Decisions {

  private final DecisionService decisions;
  private final ProcessEngineConfigurationImpl engine;
  private final Map<String, Optional<Map<String, Object>>> answers = new ConcurrentHashMap<>();
  /**
   * DMN engines of their own, which leave no decision history (the process engine's writes it).
   * The first parses the tables' simple unary tests ({@code < 60}, {@code true}, {@code [60..80[})
   * once and keeps them, where the second, the engine's FEEL, parses every entry at every
   * evaluation; an entry only the full FEEL understands is evaluated by the second.
   */
  private final DmnEngine simpleFeel = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration
      .createDefaultDmnEngineConfiguration()).enableFeelLegacyBehavior(true).buildEngine();
  private final DmnEngine fullFeel = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  public Decisions(ProcessEngine engine) {
    this.decisions = engine.getDecisionService();
    this.engine = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  /** The first matching rule's outputs for these inputs, by the latest version of the table; empty when none matches. */
  public Optional<Map<String, Object>> firstResult(String decisionKey, Map<String, Object> inputs) {
    return answers(decisionKey).firstResult(inputs);
  }

  /** A table's answers: its first matching rule's outputs for some inputs; empty when none matches. */
  public interface Answers {
    Optional<Map<String, Object>> firstResult(Map<String, Object> inputs);
  }

  /**
   * The latest version of a table, evaluated through the engine, for the few questions of one event
   * (a notice's points for each of a case's units and its responsible person): the version is looked
   * up at the first question and kept for the others, one look-up instead of one per question.
   */
  public Answers answers(String decisionKey) {
    return new Answers() {
      private String definitionId;

      @Override
      public Optional<Map<String, Object>> firstResult(Map<String, Object> inputs) {
        if (definitionId == null) {
          definitionId = latest(decisionKey);
        }
        String id = definitionId;
        return answers.computeIfAbsent(id + "|" + new TreeMap<>(inputs), k -> {
          DmnDecisionResultEntries first = decisions.evaluateDecisionById(id).variables(inputs).evaluate()
              .getFirstResult();
          return first == null ? Optional.empty()
              : Optional.of(Collections.unmodifiableMap(new LinkedHashMap<>(first.getEntryMap())));
        });
      }
    };
  }

  /**
   * The latest version of a table, for many questions in a row (the grades of a whole year):
   * looked up once and evaluated in memory, without decision history. Only for a table whose
   * every answer the asker stores with the rule's reference and label, in the office's own record.
   */
  public Table table(String decisionKey) {
    DmnDecision decision = engine.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(
        () -> (DmnDecision) engine.getDeploymentCache().findDeployedDecisionDefinitionById(latest(decisionKey))));
    return tableOf(decision);
  }

  private Table tableOf(DmnDecision decision) {
    return inputs -> {
      try {
        return simpleFeel.evaluateDecision(decision, Variables.fromMap(inputs)).getResultList();
      } catch (FeelException beyondSimple) {
        return fullFeel.evaluateDecision(decision, Variables.fromMap(inputs)).getResultList();
      }
    };
  }

  /**
   * The inputs and outputs the application reads of a table, by name and type (DMN typeRef), in
   * the words an analyst reads in Modeler.
   */
  public record Columns(Map<String, String> inputs, Map<String, String> outputs) {
  }

  /** A table uploaded for a preview: its key and name, and its evaluation, which stores nothing. */
  public record Uploaded(String key, String name, Table table) {
  }

  /**
   * Parses an uploaded DMN file with the DMN engine, without deploying it: a table of one of the
   * keys given, whose inputs and outputs are those the application reads. Everything wrong with it
   * (not a DMN file, none of those tables, a column missing or of another type, an entry that does
   * not evaluate) is bad input of the field {@code field}, named in Chinese.
   */
  public Uploaded parse(byte[] dmn, Map<String, Columns> known, String field) {
    List<String> foreign = ModelRules.foreignExpressionLanguages("上传的文件", dmn);
    if (!foreign.isEmpty()) {
      throw new InputException(field, String.join("；", foreign) + "（" + field + "）");
    }
    List<DmnDecision> parsed;
    try {
      parsed = simpleFeel.parseDecisions(new ByteArrayInputStream(dmn));
    } catch (RuntimeException e) {
      throw new InputException(field, "上传的文件不是可解析的DMN决策表：" + deepest(e) + "（" + field + "）");
    }
    DmnDecision decision = parsed.stream().filter(d -> known.containsKey(d.getKey())).findFirst()
        .orElseThrow(() -> new InputException(field, "上传的DMN文件中没有可预览的决策表（应为"
            + String.join("、", known.keySet()) + "之一，文件中为"
            + (parsed.isEmpty() ? "空" : String.join("、", parsed.stream().map(DmnDecision::getKey).toList()))
            + "）（" + field + "）"));
    String label = "决策表“" + (decision.getName() == null ? decision.getKey() : decision.getName()) + "”（"
        + decision.getKey() + "）";
    if (!decision.isDecisionTable()) {
      throw new InputException(field, label + "不是决策表（" + field + "）");
    }
    DmnDecisionTableImpl table = (DmnDecisionTableImpl) decision.getDecisionLogic();
    Map<String, String> inputs = new LinkedHashMap<>();
    for (DmnDecisionTableInputImpl in : table.getInputs()) {
      DmnExpressionImpl e = in.getExpression();
      inputs.put(e == null ? "" : String.valueOf(e.getExpression()).trim(), typeName(e == null ? null : e.getTypeDefinition()));
    }
    Map<String, String> outputs = new LinkedHashMap<>();
    for (DmnDecisionTableOutputImpl out : table.getOutputs()) {
      outputs.put(out.getOutputName(), typeName(out.getTypeDefinition()));
    }
    Columns wanted = known.get(decision.getKey());
    check(label, "输入", wanted.inputs(), inputs, field);
    check(label, "输出", wanted.outputs(), outputs, field);
    Table evaluated = tableOf(decision);
    return new Uploaded(decision.getKey(), decision.getName(), given -> {
      try {
        return evaluated.results(given);
      } catch (RuntimeException e) {
        throw new InputException(field, label + "对输入" + new TreeMap<>(given) + "无法求值：" + deepest(e)
            + "（" + field + "）");
      }
    });
  }

  private static void check(String label, String kind, Map<String, String> wanted, Map<String, String> found,
      String field) {
    for (Map.Entry<String, String> w : wanted.entrySet()) {
      if (!found.containsKey(w.getKey())) {
        throw new InputException(field, label + "缺少" + kind + "“" + w.getKey() + "”（应用按此名读取，现有"
            + kind + "：" + String.join("、", found.keySet()) + "）（" + field + "）");
      }
      String type = found.get(w.getKey());
      if (type != null && !type.equals(w.getValue())) {
        throw new InputException(field, label + "的" + kind + "“" + w.getKey() + "”类型为" + type
            + "，应为" + w.getValue() + "（" + field + "）");
      }
    }
  }

  private static String typeName(org.camunda.bpm.dmn.engine.impl.spi.type.DmnTypeDefinition type) {
    return type == null || type.getTypeName() == null || type.getTypeName().isBlank()
        || "untyped".equalsIgnoreCase(type.getTypeName()) ? null : type.getTypeName();
  }

  private static String deepest(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  /** One version of a rule table. */
  public interface Table extends Answers {

    /**
     * The outputs of every matching rule for these inputs, in the table's order: one for a
     * FIRST or UNIQUE table, each that matches for a COLLECT table; empty when none matches.
     */
    List<Map<String, Object>> results(Map<String, Object> inputs);

    @Override
    default Optional<Map<String, Object>> firstResult(Map<String, Object> inputs) {
      List<Map<String, Object>> results = results(inputs);
      return results.isEmpty() ? Optional.empty() : Optional.of(results.get(0));
    }
  }

  /**
   * The latest version's id, as the engine's own evaluation by key finds it, whoever asks: in the
   * running command (a delegate's), or in a command of its own.
   */
  private String latest(String decisionKey) {
    CommandContext running = Context.getCommandContext();
    String id = running != null ? LatestDecisions.latestId(running, decisionKey)
        : engine.getCommandExecutorTxRequired().execute(context -> LatestDecisions.latestId(context, decisionKey));
    if (id == null) {
      throw new IllegalStateException("no decision " + decisionKey + " is deployed");
    }
    return id;
  }
}
