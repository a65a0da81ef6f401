package io.tandem.server.prompts;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The {@code tandem.prompts.*} configuration keys; each is documented, with its default, in {@code
 * server/README.md}.
 *
 * @param directory the operator's prompts, {@code <name>.wav}; they take precedence over the
 *     default prompts of the same name
 * @param publicBaseUrl where Microsoft (Graph, ACS) reaches this server: prompt URLs start with it
 * @param tts the text-to-speech engine: {@code espeak-ng}, or {@code none} for no text prompts
 * @param espeakNgCommand the espeak-ng executable, a name on the {@code PATH} or a path
 * @param ttsTimeout how long one rendering may take before the engine is killed
 * @param cacheDirectory where rendered texts are kept
 * @param cacheMaxSize the most bytes of rendered texts kept; the oldest go first
 */
@ConfigurationProperties("tandem.prompts")
public record PromptSettings(
    @DefaultValue("./prompts") Path directory,
    @DefaultValue("http://localhost:8080") URI publicBaseUrl,
    @DefaultValue(ESPEAK_NG) String tts,
    @DefaultValue("espeak-ng") String espeakNgCommand,
    @DefaultValue("10s") Duration ttsTimeout,
    @DefaultValue("./data/prompt-cache") Path cacheDirectory,
    @DefaultValue("200MB") DataSize cacheMaxSize) {

  /** {@code tandem.prompts.tts} for espeak-ng. */
  public static final String ESPEAK_NG = "espeak-ng";

  /** {@code tandem.prompts.tts} for no text-to-speech: text prompts answer 503. */
  public static final String NONE = "none";

  public PromptSettings {
    String scheme = publicBaseUrl.getScheme();
    if (scheme == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        || publicBaseUrl.getHost() == null) {
      throw new IllegalArgumentException(
          "tandem.prompts.public-base-url must be an absolute http(s) URL, not '"
              + publicBaseUrl
              + "'");
    }
    tts = tts.strip().toLowerCase(Locale.ROOT);
    if (!tts.equals(ESPEAK_NG) && !tts.equals(NONE)) {
      throw new IllegalArgumentException(
          "tandem.prompts.tts must be '" + ESPEAK_NG + "' or '" + NONE + "', not '" + tts + "'");
    }
    if (ttsTimeout.isNegative() || ttsTimeout.isZero()) {
      throw new IllegalArgumentException(
          "tandem.prompts.tts-timeout must be positive, not " + ttsTimeout);
    }
    if (cacheMaxSize.toBytes() < 1) {
      throw new IllegalArgumentException(
          "tandem.prompts.cache-max-size must be positive, not " + cacheMaxSize);
    }
  }

  /** The base URL without a trailing slash, e.g. {@code https://tandem.example.com}. */
  String base() {
    String base = publicBaseUrl.toString();
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }
}
