package cn.duban.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.accountability.AccountabilityTimers;
import cn.duban.assessment.AssessmentTimers;
import cn.duban.bulletin.BulletinTimers;
import cn.duban.complaint.ComplaintTimers;
import cn.duban.supervision.SupervisionTimers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The models as Modeler, Cockpit and Tasklist need them: what the application relies on (the deploy
 * check's {@link ModelRules}: every element named, every user task with a form, someone to do it
 * and a due date, every timer on the business calendar, every delegate a bean, every process and
 * decision with a history time to live, every form reference resolvable), and what Modeler shows
 * (every element laid out, readable at 100 %, the Camunda 7 platform declared, Chinese labels).
 */
class ModelTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  @DisplayName("every flow node and sequence flow has diagram layout")
  void layout() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path file : files("processes", ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      Set<String> drawn = new HashSet<>();
      model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
      model.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(e.getBpmnElement().getId()));
      for (BaseElement e : Stream.concat(model.getModelElementsByType(FlowNode.class).stream(),
          model.getModelElementsByType(SequenceFlow.class).stream()).toList()) {
        if (!drawn.contains(e.getId())) {
          problems.add(file + ": " + e.getId() + " has no diagram layout");
        }
      }
      for (BoundaryEvent b : model.getModelElementsByType(BoundaryEvent.class)) {
        assertThat(b.getAttachedTo()).isNotNull();
      }
    }
    assertThat(problems).isEmpty();
  }

  /**
   * The rules the deploy check holds every deployment to ({@link ModelRules}), here for the shipped
   * files as they are in the project: the same class, so a model that passes here deploys.
   */
  @Test
  @DisplayName("R25 every shipped model passes the deploy check (ModelRules): every step named, every user task a deployed"
      + " form, a candidate group and a due date, every timer at a limit the working-day calendar computed or on a"
      + " schedule from the settings, every delegate a bean, every process and decision a history time to live")
  void shippedModelsPassTheDeployCheck() throws IOException {
    Map<String, byte[]> resources = new TreeMap<>();
    for (Path file : Stream.of(files("processes", ".bpmn"), files("processes", ".dmn"), files("forms", ".form"))
        .flatMap(List::stream).toList()) {
      resources.put(file.toString(), Files.readAllBytes(file));
    }
    Set<String> beans = ApplicationBeans.names();
    assertThat(beans).contains("registerCase", "assessmentSchedule", "dueDates");
    List<String> problems = rules().check(resources, new ModelRules.Known() {
      @Override
      public boolean bean(String name) {
        return beans.contains(name);
      }

      @Override
      public boolean deployedForm(String formId) {
        return false;
      }
    });
    assertThat(problems).isEmpty();
  }

  /** The rules as the application builds them: each domain's calendar timers, the shipped decision tables. */
  static ModelRules rules() {
    return new ModelRules(List.of(new SupervisionTimers(), new AccountabilityTimers(), new ComplaintTimers(),
        new AssessmentTimers(), new BulletinTimers()), ModelRules.shippedDecisions(ShippedModels.DECISIONS));
  }

  @Test
  @DisplayName("every diagram reads at 100 % in Modeler: no shape on another, boundary events on their task's edge, "
      + "no label on a shape or a label, no flow through a label")
  void diagramsReadable() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path file : files("processes", ".bpmn")) {
      problems.addAll(layoutProblems(file, Bpmn.readModelFromFile(file.toFile())));
    }
    assertThat(problems).isEmpty();
  }

  /**
   * The layout rules of ../shared/tools/check-models.py, measured the same way: shapes and labels
   * overlap when they share more than a pixel or two, a flow runs through a label when it passes
   * more than 3 px inside it, and a label without stored bounds sits where bpmn-js puts it (events
   * and gateways: centred below the shape, 90 px wide, a CJK character about 11 px, others 6 px).
   */
  private static List<String> layoutProblems(Path file, BpmnModelInstance model) {
    Map<String, Box> shapes = new TreeMap<>();
    Map<String, Box> labels = new TreeMap<>();
    Map<String, String> kinds = new HashMap<>();
    Map<String, String> hosts = new HashMap<>();
    Map<String, List<double[]>> edges = new LinkedHashMap<>();
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      BaseElement element = shape.getBpmnElement();
      if (!(element instanceof FlowNode node) || shape.getBounds() == null) {
        continue;
      }
      Box box = Box.of(shape.getBounds());
      kinds.put(node.getId(), node.getElementType().getTypeName());
      if (node instanceof BoundaryEvent boundary) {
        hosts.put(node.getId(), boundary.getAttachedTo().getId());
      }
      if (!(node instanceof SubProcess && shape.isExpanded())) {
        shapes.put(node.getId(), box);
      }
      String name = node.getName() == null ? "" : node.getName().trim();
      if (name.isEmpty()) {
        continue;
      }
      if (shape.getBpmnLabel() != null && shape.getBpmnLabel().getBounds() != null) {
        labels.put(node.getId(), Box.of(shape.getBpmnLabel().getBounds()));
      } else if (node instanceof Event || node instanceof Gateway) {
        labels.put(node.getId(), new Box(box.x() + box.w() / 2 - 45, box.y() + box.h() + 5, 90, 14 * textLines(name, 90)));
      }
    }
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      BaseElement element = edge.getBpmnElement();
      edges.put(element.getId(), edge.getWaypoints().stream().map(w -> new double[] {w.getX(), w.getY()}).toList());
      String name = element.getAttributeValue("name");
      if (name != null && !name.isBlank() && edge.getBpmnLabel() != null && edge.getBpmnLabel().getBounds() != null) {
        labels.put(element.getId(), Box.of(edge.getBpmnLabel().getBounds()));
      }
    }
    List<String> problems = new ArrayList<>();
    List<String> ids = new ArrayList<>(shapes.keySet());
    for (int i = 0; i < ids.size(); i++) {
      String a = ids.get(i);
      for (String b : ids.subList(i + 1, ids.size())) {
        if (!b.equals(hosts.get(a)) && !a.equals(hosts.get(b)) && shapes.get(a).overlaps(shapes.get(b), 1)) {
          boolean stacked = hosts.get(a) != null && hosts.get(a).equals(hosts.get(b));
          problems.add(file + ": " + kinds.get(a) + " " + a + (stacked ? " stacked on " : " overlaps ") + kinds.get(b) + " " + b);
        }
      }
    }
    hosts.forEach((boundary, host) -> {
      Box b = shapes.get(boundary);
      Box h = shapes.get(host);
      if (b != null && h != null && !h.hasOnBorder(b.x() + b.w() / 2, b.y() + b.h() / 2, 2)) {
        problems.add(file + ": boundaryEvent " + boundary + " is not on the edge of " + host);
      }
    });
    List<String> labelled = new ArrayList<>(labels.keySet());
    for (int i = 0; i < labelled.size(); i++) {
      String a = labelled.get(i);
      for (String b : labelled.subList(i + 1, labelled.size())) {
        if (labels.get(a).overlaps(labels.get(b), 2)) {
          problems.add(file + ": the label of " + a + " overlaps the label of " + b);
        }
      }
      shapes.forEach((s, box) -> {
        if (!s.equals(a) && labels.get(a).overlaps(box, 2)) {
          problems.add(file + ": the label of " + a + " covers " + kinds.get(s) + " " + s);
        }
      });
    }
    edges.forEach((flow, points) -> labels.forEach((a, label) -> {
      for (int i = 0; !a.equals(flow) && i + 1 < points.size(); i++) {
        if (label.crossedBy(points.get(i), points.get(i + 1), 3)) {
          problems.add(file + ": sequence flow " + flow + " runs through the label of " + a);
          break;
        }
      }
    }));
    return problems;
  }

  private static int textLines(String text, int width) {
    int px = text.codePoints().map(c -> c > 0x2E80 ? 11 : 6).sum();
    return Math.max(1, (px + width - 9) / (width - 8));
  }

  private record Box(double x, double y, double w, double h) {

    static Box of(Bounds b) {
      return new Box(b.getX(), b.getY(), b.getWidth(), b.getHeight());
    }

    boolean overlaps(Box o, double slack) {
      return x + slack < o.x + o.w && o.x + slack < x + w && y + slack < o.y + o.h && o.y + slack < y + h;
    }

    boolean hasOnBorder(double px, double py, double tolerance) {
      boolean withinX = px >= x - tolerance && px <= x + w + tolerance;
      boolean withinY = py >= y - tolerance && py <= y + h + tolerance;
      return (withinX && (Math.abs(py - y) <= tolerance || Math.abs(py - y - h) <= tolerance))
          || (withinY && (Math.abs(px - x) <= tolerance || Math.abs(px - x - w) <= tolerance));
    }

    /** Whether the segment p-q passes through this box shrunk by inset on every side (Liang-Barsky). */
    boolean crossedBy(double[] p, double[] q, double inset) {
      double x0 = x + inset, y0 = y + inset, x1 = x + w - inset, y1 = y + h - inset;
      if (x1 <= x0 || y1 <= y0) {
        return false;
      }
      double dx = q[0] - p[0], dy = q[1] - p[1], t0 = 0, t1 = 1;
      double[][] sides = {{-dx, p[0] - x0}, {dx, x1 - p[0]}, {-dy, p[1] - y0}, {dy, y1 - p[1]}};
      for (double[] side : sides) {
        if (side[0] == 0) {
          if (side[1] < 0) {
            return false;
          }
        } else {
          double t = side[1] / side[0];
          if (side[0] < 0) {
            t0 = Math.max(t0, t);
          } else {
            t1 = Math.min(t1, t);
          }
          if (t0 > t1) {
            return false;
          }
        }
      }
      return true;
    }
  }

  private static final String MODELER_NS = "http://camunda.org/schema/modeler/1.0";

  @Test
  @DisplayName("every BPMN and DMN model declares Camunda Platform and the engine's version, so Modeler opens it for Camunda 7")
  void executionPlatform() throws IOException {
    String engineVersion = ProcessEngine.class.getPackage().getImplementationVersion();
    assertThat(engineVersion).as("camunda-engine's Implementation-Version").isNotBlank();
    List<String> problems = new ArrayList<>();
    for (Path file : files("processes", ".bpmn")) {
      declaresPlatform(file, Bpmn.readModelFromFile(file.toFile()).getDefinitions(), engineVersion, problems);
    }
    for (Path file : files("processes", ".dmn")) {
      declaresPlatform(file, Dmn.readModelFromFile(file.toFile()).getDefinitions(), engineVersion, problems);
    }
    assertThat(problems).isEmpty();
  }

  private static void declaresPlatform(Path file, ModelElementInstance definitions, String engineVersion, List<String> problems) {
    String platform = definitions.getAttributeValueNs(MODELER_NS, "executionPlatform");
    String version = definitions.getAttributeValueNs(MODELER_NS, "executionPlatformVersion");
    if (!"Camunda Platform".equals(platform) || !engineVersion.equals(version)) {
      problems.add(file + ": definitions declare modeler:executionPlatform=" + platform
          + " modeler:executionPlatformVersion=" + version + ", expected Camunda Platform " + engineVersion);
    }
  }

  @Test
  @DisplayName("every form is form-js JSON with an id, components and Chinese labels")
  void forms() throws IOException {
    for (Path file : files("forms", ".form")) {
      JsonNode form = JSON.readTree(file.toFile());
      assertThat(form.path("id").asText()).as(file.toString()).isNotBlank();
      assertThat(form.path("components").isArray() && form.path("components").size() > 0).as(file.toString()).isTrue();
      for (JsonNode c : form.findParents("key")) {
        String label = c.has("label") ? c.get("label").asText() : c.path("dateLabel").asText();
        assertThat(label).as(file + " " + c.get("key")).matches(".*\\p{IsHan}.*");
      }
    }
  }

  private static List<Path> files(String dir, String suffix) throws IOException {
    try (Stream<Path> s = Files.walk(new File(dir).toPath())) {
      List<Path> found = s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
      assertThat(found).as("files in " + dir).isNotEmpty();
      return found;
    }
  }
}
