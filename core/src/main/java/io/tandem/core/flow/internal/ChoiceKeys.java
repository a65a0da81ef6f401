package io.tandem.core.flow.internal;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The keys a caller chooses by in a {@code Menu} or {@code OfferCallback}: one DTMF symbol ({@code
 * 0}-{@code 9}, {@code *}, {@code #}) or a spoken phrase (words containing at least one letter),
 * and how caller input is matched against them.
 *
 * <p>Input matches a key ignoring case, surrounding spaces and repeated spaces, so the key {@code
 * "Talk to billing"} matches the input {@code " talk to Billing"}.
 */
public final class ChoiceKeys {

  private static final Pattern DTMF_KEY = Pattern.compile("[0-9*#]");
  private static final Pattern PHRASE =
      Pattern.compile("[\\p{L}\\p{N}' -]*\\p{L}[\\p{L}\\p{N}' -]*");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private ChoiceKeys() {}

  /** What is wrong with {@code key} as a choice; {@code null} when it is a DTMF key or phrase. */
  public static @Nullable String problem(@Nullable String key) {
    if (key == null || key.isBlank()) {
      return "a choice needs a key: a DTMF key 0-9, * or #, or a spoken phrase";
    }
    if (DTMF_KEY.matcher(key).matches() || PHRASE.matcher(key.strip()).matches()) {
      return null;
    }
    return "'"
        + key
        + "' is neither a DTMF key (one of 0-9, * or #) nor a spoken phrase (words with at least"
        + " one letter)";
  }

  /** {@code key} or input in the form choices are compared in. */
  public static String normalize(String key) {
    return SPACES.matcher(key.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
  }

  /** Whether the caller's {@code input} chooses {@code key}. */
  public static boolean matches(String key, String input) {
    return normalize(key).equals(normalize(input));
  }

  /** The node the caller's {@code input} chooses among {@code choices}; {@code null} for none. */
  public static @Nullable String targetOf(Map<String, String> choices, String input) {
    String normalized = normalize(input);
    for (Map.Entry<String, String> choice : choices.entrySet()) {
      if (normalize(choice.getKey()).equals(normalized)) {
        return choice.getValue();
      }
    }
    return null;
  }
}
