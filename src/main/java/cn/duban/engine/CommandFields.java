package cn.duban.engine;

import java.lang.reflect.Field;

/**
 * The fields of the engine's commands that the application's interceptors read and that have no
 * getter in this engine version (TaskVariableGuardTest reads each, and fails if one is renamed).
 */
final class CommandFields {

  private CommandFields() {
  }

  @SuppressWarnings("unchecked")
  static <T> T read(Object command, Class<?> declaring, String name) {
    try {
      Field f = declaring.getDeclaredField(name);
      f.setAccessible(true);
      return (T) f.get(command);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot read " + declaring.getSimpleName() + "." + name, e);
    }
  }
}
