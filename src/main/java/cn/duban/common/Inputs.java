package cn.duban.common;

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

  /** One of a fixed list of choices, by its code. */
  public static <E extends Enum<E>> E choice(Class<E> type, String field, String value, String prompt) {
    try {
      return Enum.valueOf(type, value == null ? "" : value.strip());
    } catch (IllegalArgumentException e) {
      throw new InputException(field, prompt + "（" + field + "）");
    }
  }
}
