package io.tandem.server.insight;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where an OpenAI-compatible chat-completions service is ({@code …openai.*} keys of {@code
 * tandem.summary} and {@code tandem.translation}).
 *
 * @param baseUrl the API's base, e.g. {@code https://api.openai.com/v1} or {@code
 *     http://localhost:11434/v1}; requests go to {@code {baseUrl}/chat/completions}
 * @param model the model name sent with every request
 * @param apiKey sent as {@code Authorization: Bearer …} when not empty; never logged
 * @param timeout how long one request may take, connecting included
 */
public record OpenAiEndpoint(
    @DefaultValue("") String baseUrl,
    @DefaultValue("") String model,
    @DefaultValue("") String apiKey,
    @DefaultValue("20s") Duration timeout) {

  /** Hides the API key. */
  @Override
  public String toString() {
    return "OpenAiEndpoint[baseUrl="
        + baseUrl
        + ", model="
        + model
        + ", apiKey="
        + (apiKey.isEmpty() ? "" : "***")
        + ", timeout="
        + timeout
        + "]";
  }

  /** The chat-completions URL; the problems with the settings, under {@code prefix}, if any. */
  URI chatCompletions(String prefix) {
    StringBuilder problems = new StringBuilder();
    URI base = null;
    try {
      base = URI.create(baseUrl.strip());
    } catch (IllegalArgumentException e) {
      // reported below
    }
    if (base == null
        || base.getScheme() == null
        || !(base.getScheme().equalsIgnoreCase("http")
            || base.getScheme().equalsIgnoreCase("https"))
        || base.getHost() == null) {
      problems.append(
          "\n  "
              + prefix
              + ".openai.base-url must be an absolute http(s) URL, not '"
              + baseUrl
              + "'");
    }
    if (model.isBlank()) {
      problems.append("\n  " + prefix + ".openai.model is required");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      problems.append("\n  " + prefix + ".openai.timeout must be positive, not " + timeout);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid " + prefix + " with provider openai-compatible:" + problems);
    }
    String text = base.toString();
    return URI.create((text.endsWith("/") ? text : text + "/") + "chat/completions");
  }
}
