package io.tandem.acs.unify;

import io.tandem.acs.client.Choice;
import io.tandem.acs.client.DtmfOptions;
import io.tandem.acs.client.Identifier;
import io.tandem.acs.client.PlaySource;
import io.tandem.acs.client.Recognize;
import io.tandem.acs.client.RecognizeInput;
import io.tandem.acs.client.Tone;
import io.tandem.core.flow.InputRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code recognize} requests of the virtual assistant's inputs: DTMF for key menus and digits
 * (used when continuous DTMF is not available), choices with spoken phrases (keys also say their
 * name: "one", "star") when a menu offers words. Stateless.
 */
final class RecognizeRequests {

  private static final Duration LONGEST_SILENCE = Duration.ofSeconds(300);
  private static final Duration LONGEST_GAP = Duration.ofSeconds(60);

  private RecognizeRequests() {}

  /** The recognize that awaits {@code input} from {@code caller}, with its prompt. */
  static Recognize of(
      InputRequest input, Identifier caller, PlaySource promptSource, String context) {
    Duration silence = clamp(input.timeout(), Duration.ZERO, LONGEST_SILENCE);
    List<PlaySource> prompt = List.of(promptSource);
    return switch (input) {
      case InputRequest.Choice choice when onlyKeys(choice.choices()) ->
          new Recognize(
              RecognizeInput.DTMF,
              caller,
              prompt,
              true,
              true,
              silence,
              new DtmfOptions(Duration.ofSeconds(2), 1, List.of()),
              List.of(),
              null,
              context);
      case InputRequest.Choice choice ->
          new Recognize(
              RecognizeInput.CHOICES,
              caller,
              prompt,
              true,
              true,
              silence,
              null,
              choices(choice.choices()),
              null,
              context);
      case InputRequest.Digits digits ->
          new Recognize(
              RecognizeInput.DTMF,
              caller,
              prompt,
              true,
              true,
              silence,
              new DtmfOptions(
                  clamp(digits.timeout(), Duration.ofSeconds(1), LONGEST_GAP),
                  digits.maxLength(),
                  digits.terminator() == null
                      ? List.of()
                      : List.of(Tone.fromKey(digits.terminator().charAt(0)))),
              List.of(),
              null,
              context);
    };
  }

  /** Whether {@code input} is answered with keys only (no spoken choices). */
  static boolean keysOnly(InputRequest input) {
    return switch (input) {
      case InputRequest.Choice choice -> onlyKeys(choice.choices());
      case InputRequest.Digits digits -> true;
    };
  }

  private static boolean onlyKeys(List<String> choices) {
    return choices.stream().allMatch(RecognizeRequests::isKey);
  }

  private static boolean isKey(String choice) {
    return choice.length() == 1 && "0123456789*#".indexOf(choice.charAt(0)) >= 0;
  }

  private static List<Choice> choices(List<String> offered) {
    List<Choice> choices = new ArrayList<>();
    for (String choice : offered) {
      choices.add(
          isKey(choice)
              ? new Choice(
                  choice, List.of(spoken(choice.charAt(0))), Tone.fromKey(choice.charAt(0)))
              : new Choice(choice, List.of(choice), null));
    }
    return choices;
  }

  private static String spoken(char key) {
    return switch (key) {
      case '*' -> "star";
      case '#' -> "pound";
      default ->
          List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
              .get(key - '0');
    };
  }

  private static Duration clamp(Duration value, Duration least, Duration most) {
    return value.compareTo(least) < 0 ? least : value.compareTo(most) > 0 ? most : value;
  }
}
