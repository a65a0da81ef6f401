package io.tandem.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyedAnswerTest {

  private static final Prompt PROMPT = new Prompt.File("prompt:menu");

  private static KeyedAnswer digits(int min, int max, String terminator) {
    return new KeyedAnswer(
        new InputRequest.Digits(PROMPT, min, max, terminator, Duration.ofSeconds(5)));
  }

  @Test
  void aChoiceIsTheFirstKey_whateverItIs() {
    KeyedAnswer menu =
        new KeyedAnswer(new InputRequest.Choice(PROMPT, List.of("1", "2"), Duration.ofSeconds(5)));

    assertThat(menu.accept("9")).isEqualTo("9");
  }

  @Test
  void digitsAreCompleteAtTheMaximum_orAtTheTerminator_whichIsLeftOut() {
    KeyedAnswer account = digits(2, 4, "#");
    assertThat(account.accept("1")).isNull();
    assertThat(account.started()).isTrue();
    assertThat(account.accept("2")).isNull();
    assertThat(account.accept("#")).isEqualTo("12");

    KeyedAnswer pin = digits(4, 4, "#");
    for (String key : List.of("4", "3", "2")) {
      assertThat(pin.accept(key)).isNull();
    }
    assertThat(pin.accept("1")).isEqualTo("4321");
  }

  @Test
  void atTheTimeout_enoughDigitsAreTheAnswer_tooFewAreNone() {
    KeyedAnswer enough = digits(2, 6, null);
    enough.accept("7");
    enough.accept("8");
    assertThat(enough.timedOut()).isEqualTo("78");

    KeyedAnswer tooFew = digits(3, 6, null);
    tooFew.accept("7");
    assertThat(tooFew.timedOut()).isNull();

    assertThat(digits(0, 6, null).timedOut()).as("nothing keyed is no input").isNull();
    assertThat(digits(0, 6, null).started()).isFalse();
  }
}
