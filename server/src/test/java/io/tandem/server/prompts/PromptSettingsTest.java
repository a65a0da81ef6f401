package io.tandem.server.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class PromptSettingsTest {

  @Test
  void base_dropsATrailingSlash() {
    assertThat(settings("https://tandem.example.com/cc/", "espeak-ng").base())
        .isEqualTo("https://tandem.example.com/cc");
    assertThat(settings("http://localhost:8080", "ESPEAK-NG ").tts()).isEqualTo("espeak-ng");
  }

  @Test
  void rejects_baseUrlsThatAreNoHttpAndUnknownEngines() {
    assertThatThrownBy(() -> settings("ftp://tandem.example.com", "espeak-ng"))
        .hasMessageContaining("tandem.prompts.public-base-url");
    assertThatThrownBy(() -> settings("/relative", "espeak-ng"))
        .hasMessageContaining("tandem.prompts.public-base-url");
    assertThatThrownBy(() -> settings("https://tandem.example.com", "freetts"))
        .hasMessageContaining("tandem.prompts.tts")
        .hasMessageContaining("freetts");
  }

  private static PromptSettings settings(String base, String tts) {
    return new PromptSettings(
        Path.of("prompts"),
        URI.create(base),
        tts,
        "espeak-ng",
        Duration.ofSeconds(10),
        Path.of("cache"),
        DataSize.ofMegabytes(1));
  }
}
