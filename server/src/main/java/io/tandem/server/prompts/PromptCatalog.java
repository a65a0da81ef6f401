package io.tandem.server.prompts;

import io.tandem.core.flow.Prompt;
import io.tandem.media.prompts.DefaultPrompts;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a channel's media engine fetches each prompt: the URLs Graph's {@code playPrompt} and ACS's
 * play actions are given. Every URL starts with {@code tandem.prompts.public-base-url}.
 *
 * <ul>
 *   <li>{@code Prompt.File("prompt:<name>")} → {@code {base}/prompts/<name>.wav} (the operator's
 *       file of that name, else the default prompt);
 *   <li>{@code Prompt.File("prompts/<name>.wav")} or {@code "<name>.wav"} → the same;
 *   <li>{@code Prompt.File("https://…")} (or {@code http}) → that URL as it is;
 *   <li>{@code Prompt.Text(text, language)} → {@code {base}/prompts/tts/<sha-256>.wav}, its
 *       rendering started at once; the prompt's own language wins over {@code language}.
 * </ul>
 *
 * Anything else (another scheme, a name outside {@code [A-Za-z0-9][A-Za-z0-9_-]*}, blank text) is
 * an {@link IllegalArgumentException}. Never blocks: rendering runs on its own virtual thread.
 */
public final class PromptCatalog {

  private static final String PROMPT_SCHEME = "prompt:";

  private final String base;
  private final SpokenPrompts spoken;

  PromptCatalog(String base, SpokenPrompts spoken) {
    this.base = base;
    this.spoken = spoken;
  }

  /**
   * The URL of {@code prompt}.
   *
   * @param language the interaction's language for a text prompt without one (a BCP 47 tag), or
   *     {@code null} for the engine's default voice
   */
  public URI uriOf(Prompt prompt, @Nullable String language) {
    return switch (prompt) {
      case Prompt.File file -> fileUri(file.uri());
      case Prompt.Text text ->
          URI.create(
              base
                  + "/prompts/tts/"
                  + spoken.register(
                      text.text(), text.language() != null ? text.language() : language)
                  + ".wav");
    };
  }

  /**
   * The URLs of "you are number {@code position} in the queue" (none for a position below 1), then,
   * when {@code expectedWait} is given, "your expected waiting time is …", to be played in order
   * ({@link DefaultPrompts#position}, {@link DefaultPrompts#expectedWait}).
   */
  public List<URI> announcement(int position, @Nullable Duration expectedWait) {
    List<String> names =
        new ArrayList<>(position > 0 ? DefaultPrompts.position(position) : List.of());
    if (expectedWait != null) {
      names.addAll(DefaultPrompts.expectedWait(expectedWait));
    }
    return names.stream().map(this::named).toList();
  }

  private URI fileUri(String reference) {
    if (reference.startsWith(PROMPT_SCHEME)) {
      return named(safe(reference.substring(PROMPT_SCHEME.length()), reference));
    }
    URI uri;
    try {
      uri = new URI(reference);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("prompt file '" + reference + "' is no URI", e);
    }
    if (uri.isAbsolute()) {
      String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
      if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
        return uri;
      }
      throw new IllegalArgumentException(
          "prompt file '" + reference + "': only prompt:, http and https URIs can be played");
    }
    String path = reference.startsWith("/") ? reference.substring(1) : reference;
    if (path.startsWith("prompts/")) {
      path = path.substring("prompts/".length());
    }
    if (!path.endsWith(".wav")) {
      throw new IllegalArgumentException(
          "prompt file '" + reference + "' must be prompt:<name> or prompts/<name>.wav");
    }
    return named(safe(path.substring(0, path.length() - ".wav".length()), reference));
  }

  private static String safe(String name, String reference) {
    if (!PromptNames.isSafe(name)) {
      throw new IllegalArgumentException(
          "prompt file '"
              + reference
              + "': a prompt name is letters, digits, '-' and '_' (up to 100)");
    }
    return name;
  }

  private URI named(String name) {
    return URI.create(base + "/prompts/" + name + ".wav");
  }
}
