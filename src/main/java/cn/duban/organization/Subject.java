package cn.duban.organization;

/**
 * A unit or a person of the organisation as the subject of a procedure (R6: accountability starts
 * against the lead unit and the responsible person). Inside the application it travels as this
 * type; only a process variable carries it as text, {@code UNIT:zjj} or {@code PERSON:zjj-lin}
 * ({@link #key}), read back by {@link #parse}.
 */
public record Subject(SubjectKind kind, String id) {

  public static Subject unit(String code) {
    return new Subject(SubjectKind.UNIT, code);
  }

  public static Subject person(String id) {
    return new Subject(SubjectKind.PERSON, id);
  }

  /** The text form a process variable carries. */
  public String key() {
    return kind.name() + ":" + id;
  }

  /** Reads the text form back; empty for text that is not one. */
  public static java.util.Optional<Subject> parse(String key) {
    int colon = key == null ? -1 : key.indexOf(':');
    if (colon <= 0 || colon == key.length() - 1) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(new Subject(SubjectKind.valueOf(key.substring(0, colon)), key.substring(colon + 1)));
    } catch (IllegalArgumentException notAKind) {
      return java.util.Optional.empty();
    }
  }
}
