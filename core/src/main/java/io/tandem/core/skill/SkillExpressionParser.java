package io.tandem.core.skill;

import io.tandem.core.skill.SkillExpressionLexer.Kind;
import io.tandem.core.skill.SkillExpressionLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A recursive-descent parser from skill-expression text to a {@link Condition} tree.
 *
 * <pre>
 * expr     := andExpr (('or' | '||') andExpr)*
 * andExpr  := unary (('and' | '&amp;&amp;') unary)*
 * unary    := ('not' | '!') unary | '(' expr ')' | atom
 * atom     := 'any' | 'true' | language | skill [comparison number]
 * language := ('lang' | 'language') (('==' | '!=') tag | 'in' '(' tag (',' tag)* ')')
 * </pre>
 *
 * Keywords are case-insensitive and reserved: none of them can be used as a skill name.
 */
final class SkillExpressionParser {

  /** How deeply parentheses and negations may nest, so that hostile input cannot overflow. */
  static final int MAX_NESTING = 64;

  private static final Set<String> KEYWORDS =
      Set.of("and", "or", "not", "any", "true", "lang", "language", "in");

  private final String text;
  private final List<Token> tokens;
  private int next;
  private int nesting;

  private SkillExpressionParser(String text) {
    this.text = text;
    this.tokens = SkillExpressionLexer.tokenize(text);
  }

  /** The condition {@code text} describes; throws {@link InvalidSkillExpressionException}. */
  static Condition parse(String text) {
    SkillExpressionParser parser = new SkillExpressionParser(text);
    if (parser.peek().kind() == Kind.END) {
      throw parser.error("expected a skill expression, found end of input", parser.peek());
    }
    Condition condition = parser.orExpression();
    Token trailing = parser.peek();
    if (trailing.kind() == Kind.CLOSE) {
      throw parser.error("found ')' without a matching '('", trailing);
    }
    if (trailing.kind() != Kind.END) {
      throw parser.error(
          "expected 'and', 'or' or end of input, found " + trailing.describe(), trailing);
    }
    return condition;
  }

  private Condition orExpression() {
    List<Condition> operands = new ArrayList<>();
    addDisjunct(operands, andExpression());
    while (isKeyword(peek(), "or") || peek().kind() == Kind.OR_SYMBOL) {
      advance();
      addDisjunct(operands, andExpression());
    }
    return operands.size() == 1 ? operands.get(0) : new Condition.Or(operands);
  }

  private Condition andExpression() {
    List<Condition> operands = new ArrayList<>();
    addConjunct(operands, unary());
    while (isKeyword(peek(), "and") || peek().kind() == Kind.AND_SYMBOL) {
      advance();
      addConjunct(operands, unary());
    }
    return operands.size() == 1 ? operands.get(0) : new Condition.And(operands);
  }

  /** Adds {@code operand}, or its operands if it is itself an {@code or}: {@code a or (b or c)}. */
  private static void addDisjunct(List<Condition> operands, Condition operand) {
    if (operand instanceof Condition.Or or) {
      operands.addAll(List.of(or.operands()));
    } else {
      operands.add(operand);
    }
  }

  /** Adds {@code operand}, or its operands if it is itself an {@code and}. */
  private static void addConjunct(List<Condition> operands, Condition operand) {
    if (operand instanceof Condition.And and) {
      operands.addAll(List.of(and.operands()));
    } else {
      operands.add(operand);
    }
  }

  private Condition unary() {
    Token token = peek();
    if (isKeyword(token, "not") || token.kind() == Kind.NOT_SYMBOL) {
      enterNesting(token);
      advance();
      Condition operand = unary();
      nesting--;
      return new Condition.Not(operand);
    }
    if (token.kind() == Kind.OPEN) {
      enterNesting(token);
      advance();
      Condition inner = orExpression();
      Token close = peek();
      if (close.kind() != Kind.CLOSE) {
        throw error(
            "expected 'and', 'or' or ')' closing the '(' at position "
                + token.position()
                + ", found "
                + close.describe(),
            close);
      }
      advance();
      nesting--;
      return inner;
    }
    return atom();
  }

  private Condition atom() {
    Token token = advance();
    if (token.kind() != Kind.WORD || isKeyword(token, "and", "or", "not", "in")) {
      throw error(
          "expected a skill name, 'lang', 'any', 'not' or '(', found " + token.describe(), token);
    }
    if (isKeyword(token, "any", "true")) {
      return Condition.Any.INSTANCE;
    }
    if (isKeyword(token, "lang", "language")) {
      return languageCondition(token);
    }
    String skill = skillName(token);
    if (peek().kind() != Kind.COMPARISON) {
      return new SkillComparison(skill, ComparisonOperator.AT_LEAST, 1);
    }
    Token operator = advance();
    return new SkillComparison(
        skill, ComparisonOperator.bySymbol(operator.text()), proficiency(operator));
  }

  private String skillName(Token token) {
    String name = token.text();
    if (!name.equals(name.toLowerCase(Locale.ROOT))) {
      throw error("skill names are lower-case, found '" + name + "'", token);
    }
    if (name.length() > AgentSkills.MAX_SKILL_NAME_LENGTH) {
      throw error(
          "skill name longer than " + AgentSkills.MAX_SKILL_NAME_LENGTH + " characters", token);
    }
    if (!AgentSkills.isSkillName(name)) {
      throw error(
          "expected a skill name (a letter, then letters, digits, '_' or '-'), found '"
              + name
              + "'",
          token);
    }
    return name;
  }

  private int proficiency(Token operator) {
    Token number = advance();
    String digits = number.text();
    if (number.kind() != Kind.NUMBER
        || digits.length() != 1
        || digits.charAt(0) < '0' + AgentSkills.MIN_PROFICIENCY
        || digits.charAt(0) > '0' + AgentSkills.MAX_PROFICIENCY) {
      throw error(
          "expected a number 1-5 after '" + operator.text() + "', found " + number.describe(),
          number);
    }
    return digits.charAt(0) - '0';
  }

  private Condition languageCondition(Token keyword) {
    Token operator = advance();
    if (operator.kind() == Kind.COMPARISON && operator.text().equals("==")) {
      return new SpeaksAnyOf(List.of(language()));
    }
    if (operator.kind() == Kind.COMPARISON && operator.text().equals("!=")) {
      return new DoesNotSpeak(language());
    }
    if (!isKeyword(operator, "in")) {
      throw error(
          "expected '==', '!=' or 'in' after '"
              + keyword.text()
              + "', found "
              + operator.describe(),
          operator);
    }
    Token open = advance();
    if (open.kind() != Kind.OPEN) {
      throw error("expected '(' after 'in', found " + open.describe(), open);
    }
    Set<String> languages = new TreeSet<>();
    languages.add(language());
    while (peek().kind() == Kind.COMMA) {
      advance();
      languages.add(language());
    }
    Token close = advance();
    if (close.kind() != Kind.CLOSE) {
      throw error("expected ',' or ')' in the language list, found " + close.describe(), close);
    }
    return new SpeaksAnyOf(List.copyOf(languages));
  }

  private String language() {
    Token token = advance();
    String tag = token.text();
    if (token.kind() == Kind.WORD && !tag.equals(tag.toLowerCase(Locale.ROOT))) {
      throw error("language tags are lower-case, found '" + tag + "'", token);
    }
    if (token.kind() != Kind.WORD || !AgentSkills.isLanguage(tag)) {
      throw error(
          "expected a language tag such as 'de' or 'pt-br', found " + token.describe(), token);
    }
    return tag;
  }

  private void enterNesting(Token token) {
    if (++nesting > MAX_NESTING) {
      throw error("expression nested more than " + MAX_NESTING + " levels deep", token);
    }
  }

  private Token peek() {
    return tokens.get(next);
  }

  private Token advance() {
    Token token = tokens.get(next);
    if (token.kind() != Kind.END) {
      next++;
    }
    return token;
  }

  private static boolean isKeyword(Token token, String... keywords) {
    if (token.kind() != Kind.WORD) {
      return false;
    }
    for (String keyword : keywords) {
      if (token.text().equalsIgnoreCase(keyword)) {
        return true;
      }
    }
    return false;
  }

  private InvalidSkillExpressionException error(String message, Token at) {
    return new InvalidSkillExpressionException(message, text, at.position());
  }
}
