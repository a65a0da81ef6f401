package io.tandem.media.prompts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;

/**
 * What each spoken default prompt says (US English), by prompt name. The numbers 0-20, 30, 40, 50
 * and 60 are prompts named by their digits ({@code 7}, {@code 40}) for position and waiting-time
 * announcements. Changing a text means running {@code media/scripts/render-default-prompts.sh} and
 * committing the new WAV files.
 */
final class DefaultPromptTexts {

  /** The language the texts are written in and rendered with. */
  static final String LANGUAGE = "en-US";

  private static final String[] NUMBERS = {
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty"
  };

  private DefaultPromptTexts() {}

  /** Every spoken prompt's name and text, in a stable order. */
  static SequencedMap<String, String> all() {
    SequencedMap<String, String> texts = new LinkedHashMap<>();
    texts.put("welcome", "Welcome, and thank you for calling.");
    texts.put("please-hold", "Please hold while we connect your call.");
    texts.put(
        "all-agents-busy",
        "All of our agents are busy at the moment. Please stay on the line, and your call will be"
            + " answered in turn.");
    texts.put("you-are-number", "You are number");
    texts.put("in-the-queue", "in the queue.");
    texts.put("expected-wait", "Your expected waiting time is");
    texts.put("minutes", "minutes.");
    texts.put("minute", "minute.");
    texts.put("less-than-a-minute", "less than a minute.");
    texts.put("more-than", "more than");
    texts.put("goodbye", "Thank you for calling. Goodbye.");
    texts.put("leave-message-after-tone", "Please leave a message after the tone.");
    texts.put("transferring", "Please wait while we transfer your call.");
    texts.put("invalid-choice", "Sorry, that is not a valid choice.");
    texts.put("no-input", "Sorry, we did not receive your choice.");
    texts.put(
        "callback-confirmed", "Thank you. We will call you back as soon as an agent is available.");
    for (int n = 0; n < NUMBERS.length; n++) {
      texts.put(Integer.toString(n), NUMBERS[n]);
    }
    for (Map.Entry<Integer, String> tens :
        Map.of(30, "thirty", 40, "forty", 50, "fifty", 60, "sixty").entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .toList()) {
      texts.put(Integer.toString(tens.getKey()), tens.getValue());
    }
    return texts;
  }
}
