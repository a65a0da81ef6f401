package io.tandem.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {

  @ParameterizedTest
  @CsvSource({
    "500ms, PT0.5S",
    "30s, PT30S",
    "5m, PT5M",
    "1h, PT1H",
    "1d, PT24H",
    "1h30m, PT1H30M",
    "1.5h, PT1H30M",
    "2.5s, PT2.5S",
    "-5s, PT-5S",
    "PT30S, PT30S",
    "P1DT2H, PT26H",
    "pt1m, PT1M",
  })
  void accepts_shortAndIsoForms(String text, String iso) {
    assertThat(DurationText.parse(text)).isEqualTo(Duration.parse(iso));
  }

  @ParameterizedTest
  @ValueSource(strings = {"5", "5 m", "abc", "1x", "s", "1h-5m", "P", "PTXS", ""})
  void rejects_anythingElse(String text) {
    assertThat(DurationText.parse(text)).isNull();
  }

  @ParameterizedTest
  @CsvSource({"PT0S, 0s", "PT90S, 1m30s", "PT26H, 1d2h", "PT1.5S, 1.5s", "PT-5S, -5s"})
  void formats_shortly(String iso, String text) {
    assertThat(DurationText.format(Duration.parse(iso))).isEqualTo(text);
  }
}
