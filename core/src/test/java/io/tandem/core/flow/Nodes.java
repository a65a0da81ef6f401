package io.tandem.core.flow;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Nodes as tests usually want them, with the fields a test does not care about filled in sensibly:
 * 5 s timeouts, two retries, short text prompts.
 */
final class Nodes {

  static final Duration TIMEOUT = Duration.ofSeconds(5);
  static final Prompt INVALID = Prompt.text("Sorry, that is not an option.");
  static final Prompt SILENCE = Prompt.text("Sorry, I did not hear you.");

  private Nodes() {}

  /** A map that keeps the order written: {@code ordered("1", "billing", "2", "support")}. */
  static Map<String, String> ordered(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  static Play play(String text, String next) {
    return new Play(Prompt.text(text), next);
  }

  /** A menu with two retries, invalid and timeout prompts. */
  static Menu menu(String text, Map<String, String> choices, String noInput) {
    return new Menu(Prompt.text(text), choices, TIMEOUT, 2, INVALID, SILENCE, noInput);
  }

  /** Collects 4-6 digits ending with #, into {@code attribute}, with one retry. */
  static CollectDigits collect(String attribute, String next, String noInput) {
    return new CollectDigits(
        Prompt.text("Key in your number."),
        4,
        6,
        "#",
        TIMEOUT,
        null,
        attribute,
        1,
        INVALID,
        SILENCE,
        next,
        noInput);
  }

  static SetAttributes set(Map<String, String> attributes, String next) {
    return new SetAttributes(attributes, null, null, null, next);
  }

  static RouteToQueue route(String queue) {
    return new RouteToQueue(queue, null);
  }

  static HangUp hangUp(String reason) {
    return new HangUp(null, reason);
  }

  static OfferCallback offerCallback(String accepted, String declined) {
    return new OfferCallback(
        Prompt.text("Press 1 to be called back."), "1", TIMEOUT, null, accepted, declined);
  }
}
