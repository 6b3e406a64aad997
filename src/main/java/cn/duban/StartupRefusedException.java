package cn.duban;

/** A configuration the application refuses to start with: what is wrong, and what to set instead. */
public class StartupRefusedException extends RuntimeException {

  private final String description;
  private final String action;

  public StartupRefusedException(String description, String action) {
    super(description + " " + action);
    this.description = description;
    this.action = action;
  }

  public String description() {
    return description;
  }

  public String action() {
    return action;
  }
}
