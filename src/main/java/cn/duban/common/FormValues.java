package cn.duban.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * Reads what Camunda Forms submit. Tasklist sends text, numbers and booleans as plain values and
 * lists (a tag list, a checklist, a dynamic list) as Json variables.
 */
public final class FormValues {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FormValues() {
  }

  public static String string(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    return v == null ? null : v.toString();
  }

  /**
   * A date field as ISO text (yyyy-MM-dd): Camunda Forms send text, an API client may send a
   * Date, which is read as a day in {@code zone}.
   */
  public static String date(VariableScope scope, String name, ZoneId zone) {
    Object v = scope.getVariable(name);
    if (v instanceof Date d) {
      return LocalDate.ofInstant(d.toInstant(), zone).toString();
    }
    return v == null ? null : v.toString();
  }

  /** A yes/no field: a Boolean, or the text true/false of a radio; null when absent. */
  public static Boolean bool(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    if (v == null || v.toString().isBlank()) {
      return null;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    return switch (v.toString().strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new InputException(name, "“" + v + "”不是有效的是/否选项（" + name + "）");
    };
  }

  /** A list of strings (tag list, checklist); empty when absent. */
  public static List<String> strings(VariableScope scope, String name) {
    List<Object> raw = list(scope, name);
    List<String> out = new ArrayList<>();
    for (Object o : raw) {
      if (o instanceof Map<?, ?> m && m.containsKey("value")) {
        o = m.get("value");
      }
      if (o != null && !o.toString().isBlank()) {
        out.add(o.toString());
      }
    }
    return out;
  }

  /** A list of objects (a dynamic list's rows as maps); empty when absent. */
  @SuppressWarnings("unchecked")
  public static List<Object> list(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    if (v == null) {
      return List.of();
    }
    if (v instanceof List<?> l) {
      return (List<Object>) l;
    }
    String json = v.toString();
    if (json.isBlank()) {
      return List.of();
    }
    try {
      Object parsed = JSON.readValue(json, Object.class);
      return parsed instanceof List<?> l ? (List<Object>) l : List.of(parsed);
    } catch (Exception e) {
      throw new InputException(name, "无法识别的列表数据（" + name + "）");
    }
  }

  /** A Json variable of the given value, as Tasklist's forms read lists. */
  public static JsonValue json(Object value) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
