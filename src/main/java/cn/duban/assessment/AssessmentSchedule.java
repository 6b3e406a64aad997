package cn.duban.assessment;

import org.springframework.stereotype.Component;

/** When the yearly assessment and the half-year highlight selection start by themselves. */
@Component("assessmentSchedule")
public class AssessmentSchedule {

  private final AssessmentProperties properties;

  public AssessmentSchedule(AssessmentProperties properties) {
    this.properties = properties;
  }

  public String cycle() {
    return properties.startCycle();
  }

  public String highlightCycle() {
    return properties.highlightCycle();
  }
}
