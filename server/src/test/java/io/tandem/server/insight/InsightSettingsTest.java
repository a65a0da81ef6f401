package io.tandem.server.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InsightSettingsTest {

  private static final Duration SETTLE = Duration.ofSeconds(10);
  private static final OpenAiEndpoint UNSET =
      new OpenAiEndpoint("", "", "", Duration.ofSeconds(20));
  private static final OpenAiEndpoint LOCAL =
      new OpenAiEndpoint("http://localhost:11434/v1/", "llama3", "secret", Duration.ofSeconds(20));

  @Test
  void defaults_needNoEndpoint() {
    assertThat(new SummarySettings(true, "extractive", UNSET, 8, SETTLE).provider())
        .isEqualTo("extractive");
    assertThat(new TranslationSettings("none", UNSET).provider()).isEqualTo("none");
    assertThat(new SummarySettings(false, " OpenAI-Compatible ", UNSET, 8, SETTLE).provider())
        .isEqualTo("openai-compatible");
  }

  @Test
  void unknownProvider_isRejectedNamingTheKey() {
    assertThatThrownBy(() -> new SummarySettings(true, "gpt", UNSET, 8, SETTLE))
        .hasMessage(
            "tandem.summary.provider must be 'extractive' or 'openai-compatible', not 'gpt'");
    assertThatThrownBy(() -> new TranslationSettings("deepl", UNSET))
        .hasMessageContaining("tandem.translation.provider must be 'none' or 'openai-compatible'");
  }

  @Test
  void openAiProvider_withoutUrlOrModel_listsEveryProblem() {
    assertThatThrownBy(() -> new SummarySettings(true, "openai-compatible", UNSET, 8, SETTLE))
        .hasMessageContaining("invalid tandem.summary with provider openai-compatible")
        .hasMessageContaining("tandem.summary.openai.base-url must be an absolute http(s) URL")
        .hasMessageContaining("tandem.summary.openai.model is required");
    assertThatThrownBy(
            () ->
                new TranslationSettings(
                    "openai-compatible", new OpenAiEndpoint("ftp://x/v1", "m", "", Duration.ZERO)))
        .hasMessageContaining("tandem.translation.openai.base-url")
        .hasMessageContaining("tandem.translation.openai.timeout must be positive");
  }

  @Test
  void maxConcurrent_isOneToAThousand() {
    assertThatThrownBy(() -> new SummarySettings(true, "extractive", UNSET, 0, SETTLE))
        .hasMessage("tandem.summary.max-concurrent must be 1-1000, not 0");
  }

  @Test
  void settleTime_isZeroToTenMinutes() {
    assertThat(new SummarySettings(true, "extractive", UNSET, 8, Duration.ZERO).settleTime())
        .isZero();
    assertThatThrownBy(
            () -> new SummarySettings(true, "extractive", UNSET, 8, Duration.ofMinutes(11)))
        .hasMessage("tandem.summary.settle-time must be 0-10 minutes, not PT11M");
    assertThatThrownBy(
            () -> new SummarySettings(true, "extractive", UNSET, 8, Duration.ofSeconds(-1)))
        .hasMessageContaining("tandem.summary.settle-time must be 0-10 minutes");
  }

  @Test
  void endpoint_appendsChatCompletions_andHidesTheKey() {
    assertThat(LOCAL.chatCompletions("p").toString())
        .isEqualTo("http://localhost:11434/v1/chat/completions");
    assertThat(LOCAL.toString()).doesNotContain("secret");
  }
}
