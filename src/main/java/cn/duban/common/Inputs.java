package cn.duban.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Checks of a person's input that every part of the domain makes the same way, in Chinese. */
public final class Inputs {

  private Inputs() {
  }

  /** A required text of at most {@code max} characters, stripped. */
  public static String text(String field, String value, String label, int max) {
    if (value == null || value.isBlank()) {
      throw new InputException(field, "请填写" + label + "（" + field + "）");
    }
    String v = value.strip();
    if (v.length() > max) {
      throw new InputException(field, label + "不能超过" + max + "个字（" + field + "）");
    }
    return v;
  }

  /** An optional text of at most {@code max} characters, stripped; null when empty. */
  public static String optionalText(String field, String value, String label, int max) {
    return value == null || value.isBlank() ? null : text(field, value, label, max);
  }

  /** One of a fixed list of choices, by its code. */
  public static <E extends Enum<E>> E choice(Class<E> type, String field, String value, String prompt) {
    try {
      return Enum.valueOf(type, value == null ? "" : value.strip());
    } catch (IllegalArgumentException e) {
      throw new InputException(field, prompt + "（" + field + "）");
    }
  }

  /** A required date, {@code yyyy-MM-dd} (a date and time is cut to its date, as forms send it). */
  public static LocalDate date(String field, String value, String label) {
    if (value == null || value.isBlank()) {
      throw new InputException(field, "请填写" + label + "（" + field + "）");
    }
    try {
      String v = value.strip();
      return LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
    } catch (DateTimeParseException e) {
      throw new InputException(field, label + "不是有效日期：" + value + "（" + field + "）");
    }
  }

  /**
   * A whole number from a form field (forms send numbers as text or as decimals such as 5.0), the
   * fallback when it is empty, and within {@code min..max}.
   */
  public static int wholeNumber(String field, Object value, int fallback, int min, int max, String label) {
    return wholeNumber(field, value, fallback, min, max, label, "");
  }

  /** The same, counting {@code unit}s (个工作日, 天): the messages name them. */
  public static int wholeNumber(String field, Object value, int fallback, int min, int max, String label,
      String unit) {
    if (value == null || value.toString().isBlank()) {
      return fallback;
    }
    int n;
    try {
      double d = Double.parseDouble(value.toString());
      if (d != Math.rint(d)) {
        throw new NumberFormatException();
      }
      n = (int) d;
    } catch (NumberFormatException e) {
      throw new InputException(field, label + "须为整数" + unit + "（" + field + "）");
    }
    if (n < min || n > max) {
      throw new InputException(field, label + "须在" + min + "至" + max + unit + "之间（" + field + "）");
    }
    return n;
  }
}
