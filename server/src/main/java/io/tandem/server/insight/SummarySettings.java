package io.tandem.server.insight;

import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code tandem.summary.*} configuration keys; each is documented, with its default, in {@code
 * server/README.md}.
 *
 * @param enabled whether finished interactions are summarized
 * @param provider {@code extractive} (offline) or {@code openai-compatible}
 * @param openai the chat-completions service, for {@code openai-compatible}
 * @param maxConcurrent the most summaries written at once (1-1000)
 * @param settleTime how long after an interaction finished its summary waits for the transcript's
 *     last segments (0-10 minutes)
 */
@ConfigurationProperties("tandem.summary")
public record SummarySettings(
    @DefaultValue("true") boolean enabled,
    @DefaultValue(EXTRACTIVE) String provider,
    @DefaultValue OpenAiEndpoint openai,
    @DefaultValue("8") int maxConcurrent,
    @DefaultValue("10s") Duration settleTime) {

  /** The offline summarizer. */
  public static final String EXTRACTIVE = "extractive";

  /** A chat-completions service that speaks OpenAI's JSON. */
  public static final String OPENAI_COMPATIBLE = "openai-compatible";

  /** Rejects an unknown provider, an unusable endpoint for it and a bad concurrency. */
  public SummarySettings {
    provider = provider.strip().toLowerCase(Locale.ROOT);
    if (!provider.equals(EXTRACTIVE) && !provider.equals(OPENAI_COMPATIBLE)) {
      throw new IllegalArgumentException(
          "tandem.summary.provider must be '"
              + EXTRACTIVE
              + "' or '"
              + OPENAI_COMPATIBLE
              + "', not '"
              + provider
              + "'");
    }
    if (enabled && provider.equals(OPENAI_COMPATIBLE)) {
      openai.chatCompletions("tandem.summary");
    }
    if (settleTime.isNegative() || settleTime.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException(
          "tandem.summary.settle-time must be 0-10 minutes, not " + settleTime);
    }
    if (maxConcurrent < 1 || maxConcurrent > 1000) {
      throw new IllegalArgumentException(
          "tandem.summary.max-concurrent must be 1-1000, not " + maxConcurrent);
    }
  }
}
