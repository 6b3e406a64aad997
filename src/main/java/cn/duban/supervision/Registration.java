package cn.duban.supervision;

import java.util.List;

/**
 * What the registration form (supervision-register.form) submits, as raw form values: strings,
 * numbers or nulls, checked by {@link SupervisionService#register}.
 */
public record Registration(
    String source,
    String title,
    String leaderInCharge,
    String leadUnit,
    List<String> coUnits,
    String responsiblePerson,
    String deadline,
    String content,
    List<MilestoneInput> milestones,
    String qualityChecklist,
    String initialLevel,
    Object signForDays,
    Object yellowDays,
    Object redDays,
    Object reportIntervalDays) {

  public record MilestoneInput(String name, String date) {
  }
}
