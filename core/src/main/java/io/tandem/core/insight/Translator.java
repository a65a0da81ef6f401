package io.tandem.core.insight;

/**
 * Translates texts (transcript segments, summaries) between languages. Implementations may block
 * and are called off the tenant's writer; they must be thread-safe.
 */
@FunctionalInterface
public interface Translator {

  /**
   * {@code text}, written in {@code fromLocale}, in {@code toLocale}; locales are BCP 47 tags
   * ({@code en-US}, {@code de}), and {@code fromLocale} may be {@code auto} when it is not known.
   *
   * @throws TranslationUnavailableException when it cannot be translated now
   */
  String translate(String text, String fromLocale, String toLocale)
      throws TranslationUnavailableException;
}
