package cn.duban.supervision;

import cn.duban.common.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    Object reportIntervalDays,
    LeaderInstructions.InstructionInput instruction) {

  public record MilestoneInput(String name, String date) {

    private static final Pattern LINE = Pattern.compile("^(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?\\s+(.+)$");

    /**
     * Milestones as the registration form takes them: one a line, a date and a name, such as
     * {@code 2026-12-10 完成设备采购} (also {@code 2026/12/10} or {@code 2026年12月10日}).
     */
    public static List<MilestoneInput> parseLines(String text) {
      List<MilestoneInput> out = new ArrayList<>();
      if (text == null) {
        return out;
      }
      int lineNo = 0;
      for (String line : text.split("\\R")) {
        lineNo++;
        String l = line.strip();
        if (l.isEmpty()) {
          continue;
        }
        Matcher m = LINE.matcher(l);
        if (!m.matches()) {
          throw new InputException("milestones",
              "关键节点第" + lineNo + "行应为“日期 节点名称”，如“2026-12-10 完成设备采购”（milestones）");
        }
        out.add(new MilestoneInput(m.group(4).strip(),
            m.group(1) + "-" + twoDigits(m.group(2)) + "-" + twoDigits(m.group(3))));
      }
      return out;
    }

    /** "3" → "03", as an ISO date writes a month or day. */
    private static String twoDigits(String number) {
      int n = Integer.parseInt(number);
      return n < 10 ? "0" + n : Integer.toString(n);
    }
  }
}
