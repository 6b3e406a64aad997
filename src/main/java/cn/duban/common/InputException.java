package cn.duban.common;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Bad input from a person: the message is Chinese and names the field to correct. It is the
 * engine's form validation exception, so the REST API and Tasklist answer a form submission or a
 * task completion with 400 and this message; the transaction rolls back, nothing is stored half.
 */
public class InputException extends FormFieldValidationException {

  private final String field;

  public InputException(String field, String message) {
    super(field, message);
    this.field = field;
  }

  /** The form field or request property at fault. */
  public String field() {
    return field;
  }
}
