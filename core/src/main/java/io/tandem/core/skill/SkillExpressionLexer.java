package io.tandem.core.skill;

import java.util.ArrayList;
import java.util.List;

/** Splits the text of a skill expression into tokens, each with its 0-based position. */
final class SkillExpressionLexer {

  /** What a token is; keywords are {@link #WORD}s, told apart by the parser. */
  enum Kind {
    /**
     * A letter followed by letters, digits, {@code _} or {@code -}: a keyword, skill or language.
     */
    WORD,
    NUMBER,
    OPEN,
    CLOSE,
    COMMA,
    /** One of {@code >= > <= < == !=}. */
    COMPARISON,
    /** {@code &&}. */
    AND_SYMBOL,
    /** {@code ||}. */
    OR_SYMBOL,
    /** {@code !} not followed by {@code =}. */
    NOT_SYMBOL,
    END
  }

  /** One token: its kind, its text as written, and where it starts. */
  record Token(Kind kind, String text, int position) {

    /** The token as quoted in error messages. */
    String describe() {
      return kind == Kind.END ? "end of input" : "'" + text + "'";
    }
  }

  private final String text;
  private final List<Token> tokens = new ArrayList<>();
  private int position;

  private SkillExpressionLexer(String text) {
    this.text = text;
  }

  /**
   * The tokens of {@code text}, ending with one {@link Kind#END} token at {@code text.length()}.
   */
  static List<Token> tokenize(String text) {
    SkillExpressionLexer lexer = new SkillExpressionLexer(text);
    lexer.run();
    return List.copyOf(lexer.tokens);
  }

  private void run() {
    while (position < text.length()) {
      char c = text.charAt(position);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        position++;
      } else if (isAsciiLetter(c)) {
        word();
      } else if (isDigit(c)) {
        number();
      } else {
        symbol(c);
      }
    }
    tokens.add(new Token(Kind.END, "", text.length()));
  }

  private void word() {
    int start = position;
    while (position < text.length() && isWordPart(text.charAt(position))) {
      position++;
    }
    emit(Kind.WORD, start);
  }

  private void number() {
    int start = position;
    while (position < text.length() && isDigit(text.charAt(position))) {
      position++;
    }
    emit(Kind.NUMBER, start);
  }

  private void symbol(char c) {
    int start = position;
    char next = position + 1 < text.length() ? text.charAt(position + 1) : '\0';
    switch (c) {
      case '(' -> single(Kind.OPEN);
      case ')' -> single(Kind.CLOSE);
      case ',' -> single(Kind.COMMA);
      case '>', '<' -> {
        position += next == '=' ? 2 : 1;
        emit(Kind.COMPARISON, start);
      }
      case '=' -> {
        if (next != '=') {
          throw error("expected '==' (a single '=' is not an operator)", start);
        }
        position += 2;
        emit(Kind.COMPARISON, start);
      }
      case '!' -> {
        position += next == '=' ? 2 : 1;
        emit(next == '=' ? Kind.COMPARISON : Kind.NOT_SYMBOL, start);
      }
      case '&' -> pair('&', next, Kind.AND_SYMBOL);
      case '|' -> pair('|', next, Kind.OR_SYMBOL);
      default -> throw error("unexpected character '" + c + "'", start);
    }
  }

  private void single(Kind kind) {
    position++;
    emit(kind, position - 1);
  }

  private void pair(char c, char next, Kind kind) {
    if (next != c) {
      throw error("expected '" + c + c + "' (a single '" + c + "' is not an operator)", position);
    }
    position += 2;
    emit(kind, position - 2);
  }

  private void emit(Kind kind, int start) {
    tokens.add(new Token(kind, text.substring(start, position), start));
  }

  private InvalidSkillExpressionException error(String message, int at) {
    return new InvalidSkillExpressionException(message, text, at);
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isWordPart(char c) {
    return isAsciiLetter(c) || isDigit(c) || c == '_' || c == '-';
  }
}
