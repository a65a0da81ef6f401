package io.tandem.server.insight;

import io.tandem.core.insight.TranslationUnavailableException;
import io.tandem.core.insight.Translator;

/**
 * Translates with a language model behind an OpenAI-compatible chat-completions endpoint; the
 * answer is the translation as it comes, trimmed.
 *
 * <p>Threading: thread-safe; blocks up to the endpoint's timeout.
 */
public final class OpenAiCompatibleTranslator implements Translator, AutoCloseable {

  /** The source locale that lets the model tell the text's language itself. */
  public static final String AUTO = "auto";

  private final ChatCompletions chat;

  public OpenAiCompatibleTranslator(OpenAiEndpoint endpoint) {
    this.chat = new ChatCompletions(endpoint, "tandem.translation");
  }

  @Override
  public String translate(String text, String fromLocale, String toLocale)
      throws TranslationUnavailableException {
    String instructions =
        "Translate the user's text "
            + (fromLocale.equals(AUTO) ? "" : "from " + fromLocale + " ")
            + "to "
            + toLocale
            + ". Answer with the translation only, nothing else.";
    try {
      return chat.complete(instructions, text).strip();
    } catch (ChatCompletions.Failure e) {
      throw new TranslationUnavailableException(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TranslationUnavailableException("interrupted");
    }
  }

  @Override
  public void close() {
    chat.close();
  }
}
