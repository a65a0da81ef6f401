package io.tandem.core.skill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SkillExpressionRejectionTest {

  @ParameterizedTest(name = "''{0}'' is rejected at {1}: {2}")
  @CsvSource(
      delimiter = ';',
      quoteCharacter = '"',
      textBlock =
          """
          ""                     ; 0  ; expected a skill expression, found end of input
          "   "                  ; 3  ; expected a skill expression, found end of input
          billing >= x           ; 11 ; expected a number 1-5 after '>=', found 'x'
          billing >= 0           ; 11 ; expected a number 1-5 after '>=', found '0'
          billing >= 6           ; 11 ; expected a number 1-5 after '>=', found '6'
          billing > 10           ; 10 ; expected a number 1-5 after '>', found '10'
          billing == 03          ; 11 ; expected a number 1-5 after '==', found '03'
          billing <=             ; 10 ; expected a number 1-5 after '<=', found end of input
          billing and            ; 11 ; expected a skill name, 'lang', 'any', 'not' or '(', found end of input
          and billing            ; 0  ; expected a skill name, 'lang', 'any', 'not' or '(', found 'and'
          in                     ; 0  ; expected a skill name, 'lang', 'any', 'not' or '(', found 'in'
          not                    ; 3  ; expected a skill name, 'lang', 'any', 'not' or '(', found end of input
          ()                     ; 1  ; expected a skill name, 'lang', 'any', 'not' or '(', found ')'
          billing or >= 3        ; 11 ; expected a skill name, 'lang', 'any', 'not' or '(', found '>='
          billing sales          ; 8  ; expected 'and', 'or' or end of input, found 'sales'
          billing >= 3 4         ; 13 ; expected 'and', 'or' or end of input, found '4'
          billing)               ; 7  ; found ')' without a matching '('
          (billing and sales     ; 18 ; expected 'and', 'or' or ')' closing the '(' at position 0, found end of input
          ((billing)             ; 10 ; expected 'and', 'or' or ')' closing the '(' at position 0, found end of input
          (billing sales)        ; 9  ; expected 'and', 'or' or ')' closing the '(' at position 0, found 'sales'
          Billing >= 3           ; 0  ; skill names are lower-case, found 'Billing'
          billing = 3            ; 8  ; expected '==' (a single '=' is not an operator)
          billing & sales        ; 8  ; expected '&&' (a single '&' is not an operator)
          billing | sales        ; 8  ; expected '||' (a single '|' is not an operator)
          billing >= 3 $         ; 13 ; unexpected character '$'
          _billing               ; 0  ; unexpected character '_'
          lang de                ; 5  ; expected '==', '!=' or 'in' after 'lang', found 'de'
          language >= 3          ; 9  ; expected '==', '!=' or 'in' after 'language', found '>='
          lang == DE             ; 8  ; language tags are lower-case, found 'DE'
          lang == deutsch        ; 8  ; expected a language tag such as 'de' or 'pt-br', found 'deutsch'
          lang == 3              ; 8  ; expected a language tag such as 'de' or 'pt-br', found '3'
          lang ==                ; 7  ; expected a language tag such as 'de' or 'pt-br', found end of input
          lang in de             ; 8  ; expected '(' after 'in', found 'de'
          lang in ()             ; 9  ; expected a language tag such as 'de' or 'pt-br', found ')'
          lang in (de en)        ; 12 ; expected ',' or ')' in the language list, found 'en'
          lang in (de,           ; 12 ; expected a language tag such as 'de' or 'pt-br', found end of input
          """)
  void parse_malformedText_isRejectedAtThePositionWhereItWentWrong(
      String text, int position, String reason) {
    InvalidSkillExpressionException rejection =
        catchThrowableOfType(
            InvalidSkillExpressionException.class, () -> SkillExpression.parse(text));

    assertThat(rejection).as("'%s' should be rejected", text).isNotNull();
    assertThat(rejection.position()).isEqualTo(position);
    assertThat(rejection.expression()).isEqualTo(text);
    assertThat(rejection.getMessage())
        .isEqualTo(reason + " at position " + position + " in '" + text + "'");
  }

  @Test
  void message_readsReasonPositionAndExpression() {
    assertThatThrownBy(() -> SkillExpression.parse("billing >= x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected a number 1-5 after '>=', found 'x' at position 11 in 'billing >= x'");
  }

  @Test
  void skillName_longerThanSixtyFourCharacters_isRejectedAtItsStart() {
    String tooLong = "b".repeat(65);

    InvalidSkillExpressionException rejection =
        catchThrowableOfType(
            InvalidSkillExpressionException.class,
            () -> SkillExpression.parse("sales and " + tooLong));

    assertThat(rejection.position()).isEqualTo(10);
    assertThat(rejection).hasMessageStartingWith("skill name longer than 64 characters");
    assertThat(SkillExpression.parse("b".repeat(64)).skillNames()).hasSize(1);
  }

  @Test
  void nesting_deeperThanTheLimit_isRejectedInsteadOfOverflowingTheStack() {
    int limit = SkillExpressionParser.MAX_NESTING;
    String deepest = "(".repeat(limit) + "billing" + ")".repeat(limit);
    String tooDeep = "(".repeat(limit + 1) + "billing" + ")".repeat(limit + 1);
    String tooManyNots = "not ".repeat(limit + 1) + "billing";

    assertThat(SkillExpression.parse(deepest).toString()).isEqualTo("billing");
    assertThat(
            catchThrowableOfType(
                    InvalidSkillExpressionException.class, () -> SkillExpression.parse(tooDeep))
                .position())
        .isEqualTo(limit);
    assertThat(
            catchThrowableOfType(
                    InvalidSkillExpressionException.class, () -> SkillExpression.parse(tooManyNots))
                .position())
        .isEqualTo(4 * limit);
  }

  @Test
  void parse_null_isANullPointerException() {
    assertThatThrownBy(() -> SkillExpression.parse(null)).isInstanceOf(NullPointerException.class);
  }
}
