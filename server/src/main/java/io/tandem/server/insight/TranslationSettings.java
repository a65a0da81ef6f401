package io.tandem.server.insight;

import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code tandem.translation.*} configuration keys; each is documented, with its default, in
 * {@code server/README.md}.
 *
 * @param provider {@code none} (translation answers 503) or {@code openai-compatible}
 * @param openai the chat-completions service, for {@code openai-compatible}
 */
@ConfigurationProperties("tandem.translation")
public record TranslationSettings(
    @DefaultValue(NONE) String provider, @DefaultValue OpenAiEndpoint openai) {

  /** No translation. */
  public static final String NONE = "none";

  /** Rejects an unknown provider and an unusable endpoint for it. */
  public TranslationSettings {
    provider = provider.strip().toLowerCase(Locale.ROOT);
    if (!provider.equals(NONE) && !provider.equals(SummarySettings.OPENAI_COMPATIBLE)) {
      throw new IllegalArgumentException(
          "tandem.translation.provider must be '"
              + NONE
              + "' or '"
              + SummarySettings.OPENAI_COMPATIBLE
              + "', not '"
              + provider
              + "'");
    }
    if (provider.equals(SummarySettings.OPENAI_COMPATIBLE)) {
      openai.chatCompletions("tandem.translation");
    }
  }
}
