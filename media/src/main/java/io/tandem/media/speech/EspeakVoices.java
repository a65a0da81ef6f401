package io.tandem.media.speech;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which espeak-ng voice speaks a language tag: first the whole tag ({@code en-GB}, {@code pt-BR},
 * {@code es-MX}), then its primary language ({@code de-CH} → {@code de}). Tags are matched without
 * regard to case, with {@code _} read as {@code -}. The voices are those of Debian's espeak-ng 1.51
 * ({@code espeak-ng --voices}).
 */
final class EspeakVoices {

  /** The voice of {@code null} and of unknown languages. */
  static final String DEFAULT = "en-us";

  private static final Map<String, String> BY_TAG =
      Map.ofEntries(
          Map.entry("en-us", "en-us"),
          Map.entry("en-gb", "en-gb"),
          Map.entry("en-ie", "en-gb"),
          Map.entry("en-au", "en-gb"),
          Map.entry("en-nz", "en-gb"),
          Map.entry("en-za", "en-gb"),
          Map.entry("fr-be", "fr-be"),
          Map.entry("fr-ch", "fr-ch"),
          Map.entry("es-419", "es-419"),
          Map.entry("es-mx", "es-419"),
          Map.entry("es-us", "es-419"),
          Map.entry("pt-br", "pt-br"),
          Map.entry("zh-hk", "yue"),
          Map.entry("zh-yue", "yue"));

  private static final Map<String, String> BY_LANGUAGE =
      Map.ofEntries(
          Map.entry("en", "en-us"),
          Map.entry("de", "de"),
          Map.entry("fr", "fr-fr"),
          Map.entry("es", "es"),
          Map.entry("nl", "nl"),
          Map.entry("it", "it"),
          Map.entry("pt", "pt"),
          Map.entry("sv", "sv"),
          Map.entry("da", "da"),
          Map.entry("nb", "nb"),
          Map.entry("no", "nb"),
          Map.entry("fi", "fi"),
          Map.entry("pl", "pl"),
          Map.entry("cs", "cs"),
          Map.entry("tr", "tr"),
          Map.entry("ru", "ru"),
          Map.entry("el", "el"),
          Map.entry("hu", "hu"),
          Map.entry("ro", "ro"),
          Map.entry("ja", "ja"),
          Map.entry("zh", "cmn"),
          Map.entry("yue", "yue"));

  private EspeakVoices() {}

  /** The voice for {@code language}, or empty when none fits (the caller falls back). */
  static Optional<String> find(@Nullable String language) {
    if (language == null) {
      return Optional.of(DEFAULT);
    }
    String tag = language.strip().replace('_', '-').toLowerCase(Locale.ROOT);
    String whole = BY_TAG.get(tag);
    if (whole != null) {
      return Optional.of(whole);
    }
    int dash = tag.indexOf('-');
    return Optional.ofNullable(BY_LANGUAGE.get(dash < 0 ? tag : tag.substring(0, dash)));
  }
}
