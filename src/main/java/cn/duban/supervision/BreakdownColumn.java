package cn.duban.supervision;

import java.util.Arrays;
import java.util.Optional;

/**
 * R29: the columns of the task-breakdown sheet (任务分解表), one child case a row, and the fields
 * of the same row in the breakdown form; a column's field is the registration form's field of the
 * same meaning. The template's header says the label, marked * where the column is required.
 */
public enum BreakdownColumn {
  TITLE("title", "任务名称", true, 28, "分解后的事项名称，如：完成城区12个老旧小区改造"),
  CONTENT("content", "工作内容和要求", true, 40, "该项任务的具体工作内容和要求"),
  LEAD_UNIT("leadUnit", "牵头单位", true, 24, "单位全称或代码，见“单位和人员”表"),
  CO_UNITS("coUnits", "协办单位", false, 24, "可填多个，以“、”分隔；不能与牵头单位相同"),
  RESPONSIBLE_PERSON("responsiblePerson", "责任人", true, 12, "牵头单位的人员姓名或账号（定责任）"),
  LEADER_IN_CHARGE("leaderInCharge", "分管领导", false, 12, "县领导姓名或账号；不填则为母事项的分管领导"),
  DEADLINE("deadline", "完成时限", true, 14, "日期，如2026-06-30；不早于今天，不晚于母事项的完成时限"),
  MILESTONES("milestones", "关键节点", false, 34, "每行一个“日期 节点名称”，如：2026-05-15 完成方案评审（定进度）"),
  QUALITY_CHECKLIST("qualityChecklist", "质量标准", true, 34, "每行一条验收标准（定质量）"),
  REPORT_INTERVAL_DAYS("reportIntervalDays", "进展报送周期（工作日）", false, 14,
      "每隔几个工作日报送一次进展；关键节点与报送周期至少填一项（定进度）");

  private final String field;
  private final String label;
  private final boolean required;
  private final int width;
  private final String hint;

  BreakdownColumn(String field, String label, boolean required, int width, String hint) {
    this.field = field;
    this.label = label;
    this.required = required;
    this.width = width;
    this.hint = hint;
  }

  /** The registration form's field of the same meaning; also the key of a form row. */
  public String field() {
    return field;
  }

  public String label() {
    return label;
  }

  public boolean required() {
    return required;
  }

  int width() {
    return width;
  }

  public String hint() {
    return hint;
  }

  /** The template's header: the label, with * where required. */
  String header() {
    return required ? label + "*" : label;
  }

  /** The column of a registration field, as {@link SupervisionService} names it in a refusal. */
  static Optional<BreakdownColumn> ofField(String field) {
    return Arrays.stream(values()).filter(c -> c.field.equals(field)).findFirst();
  }

  /** The column a header names: the label, with or without *, spaces and line breaks ignored. */
  static Optional<BreakdownColumn> ofHeader(String header) {
    String h = header == null ? "" : header.replaceAll("[\\s*＊]", "").replace('(', '（').replace(')', '）');
    return Arrays.stream(values()).filter(c -> c.label.equals(h)).findFirst();
  }
}
