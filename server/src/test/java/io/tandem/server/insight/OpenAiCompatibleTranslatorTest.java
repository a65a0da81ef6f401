package io.tandem.server.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.core.insight.TranslationUnavailableException;
import io.tandem.server.insight.StubChatCompletions.Reply;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The translator against a stub chat-completions server over real HTTP on loopback. */
class OpenAiCompatibleTranslatorTest {

  private StubChatCompletions stub;
  private OpenAiCompatibleTranslator translator;

  @BeforeEach
  void start() throws Exception {
    stub = new StubChatCompletions(request -> Reply.ok(" Meine Rechnung ist falsch. "));
    translator =
        new OpenAiCompatibleTranslator(
            new OpenAiEndpoint(stub.baseUrl(), "gpt-test", "k", Duration.ofMillis(500)));
  }

  @AfterEach
  void stop() {
    translator.close();
    stub.close();
  }

  @Test
  void translation_isTheAnswer_trimmed_andTheRequestNamesBothLanguages() throws Exception {
    assertThat(translator.translate("My invoice is wrong.", "en-US", "de"))
        .isEqualTo("Meine Rechnung ist falsch.");

    StubChatCompletions.Request request = stub.requests().getFirst();
    assertThat(request.userMessage()).isEqualTo("My invoice is wrong.");
    assertThat(request.body().get("messages").get(0).get("content").asString())
        .contains("from en-US to de");
  }

  @Test
  void serverErrorsTimeoutsAndNonsense_areUnavailable() {
    stub.answer(request -> Reply.status(503));
    assertThatThrownBy(() -> translator.translate("x", "en", "de"))
        .isInstanceOf(TranslationUnavailableException.class)
        .hasMessage("HTTP 503");

    stub.answer(request -> Reply.raw("not json"));
    assertThatThrownBy(() -> translator.translate("x", "en", "de"))
        .isInstanceOf(TranslationUnavailableException.class)
        .hasMessage("malformed answer");

    stub.answer(request -> Reply.hang());
    assertThatThrownBy(() -> translator.translate("x", "en", "de"))
        .isInstanceOf(TranslationUnavailableException.class)
        .hasMessage("timeout");
  }
}
