package io.tandem.acs.client;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A choice of a choices recognize: its label, the phrases that pick it, and optionally a tone. */
public record Choice(String label, List<String> phrases, @Nullable Tone tone) {

  public Choice {
    if (label.isBlank()) {
      throw new IllegalArgumentException("a choice needs a label");
    }
    phrases = List.copyOf(phrases);
    if (phrases.isEmpty()) {
      throw new IllegalArgumentException("choice " + label + " needs at least one phrase");
    }
  }
}
