package io.tandem.core.flow;

import io.tandem.core.flow.internal.Placeholders;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@link FlowRun}'s copy of its interaction's attributes and language: those it started with and
 * those the flow set since. Placeholders in prompts, values and URLs read them.
 */
final class InteractionAttributes {

  private final Map<String, String> values;
  private @Nullable String language;

  InteractionAttributes(Map<String, String> initial) {
    this.values = new LinkedHashMap<>(initial);
  }

  /** The value of {@code name}; {@code null} when it has none. */
  @Nullable String get(String name) {
    return values.get(name);
  }

  /** Sets every attribute in {@code changed}. */
  void putAll(Map<String, String> changed) {
    values.putAll(changed);
  }

  /** Sets the language the caller is served in, which prompts without their own language use. */
  void language(String tag) {
    language = tag;
  }

  /** A text prompt with its placeholders resolved and its language settled; files as they are. */
  Prompt resolved(Prompt prompt) {
    return switch (prompt) {
      case Prompt.File file -> file;
      case Prompt.Text text ->
          new Prompt.Text(
              Placeholders.resolve(text.text(), values),
              text.language() == null ? language : text.language());
    };
  }

  /** {@code template} with its placeholders resolved. */
  String resolved(String template) {
    return Placeholders.resolve(template, values);
  }

  /** {@code url} with its placeholders resolved and percent-encoded. */
  String resolvedUrl(String url) {
    return Placeholders.resolvePercentEncoded(url, values);
  }

  /** An unmodifiable snapshot. */
  Map<String, String> snapshot() {
    return Map.copyOf(values);
  }
}
