package io.tandem.core.skill;

/**
 * A skill expression that could not be parsed, with the 0-based character offset where parsing went
 * wrong.
 *
 * <p>{@link #getMessage()} reads {@code "<reason> at position <n> in '<expression>'"}, for example
 * {@code expected a number 1-5 after '>=', found 'x' at position 11 in 'billing >= x'}.
 */
public final class InvalidSkillExpressionException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String expression;
  private final int position;

  /**
   * An expression rejected at {@code position}.
   *
   * @param message what was expected or wrong there, without the position (it is appended)
   * @param expression the whole text that was parsed
   * @param position 0-based offset into {@code expression}; {@code expression.length()} for the end
   */
  public InvalidSkillExpressionException(String message, String expression, int position) {
    super(message + " at position " + position + " in '" + expression + "'");
    this.expression = expression;
    this.position = position;
  }

  /** The whole text that was parsed. */
  public String expression() {
    return expression;
  }

  /** The 0-based character offset where parsing went wrong; the text's length for its end. */
  public int position() {
    return position;
  }
}
