package io.tandem.media.speech;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EspeakVoicesTest {

  @ParameterizedTest
  @CsvSource({
    "en, en-us",
    "EN-us, en-us",
    "en-GB, en-gb",
    "en_AU, en-gb",
    "en-CA, en-us",
    "de, de",
    "de-CH, de",
    "de-AT, de",
    "fr, fr-fr",
    "fr-CA, fr-fr",
    "fr-BE, fr-be",
    "es, es",
    "es-MX, es-419",
    "nl-BE, nl",
    "pt-BR, pt-br",
    "pt-PT, pt",
    "no, nb",
    "zh-CN, cmn",
    "zh-HK, yue"
  })
  void find_mapsTagsToVoices(String tag, String voice) {
    assertThat(EspeakVoices.find(tag)).contains(voice);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tlh", "xx-YY", "", "-", "english"})
  void find_unknownLanguage_isEmpty(String tag) {
    assertThat(EspeakVoices.find(tag)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tlh", "english"})
  void voiceFor_unknownLanguage_isTheDefault(String tag) {
    assertThat(new EspeakNgSpeech("espeak-ng", EspeakNgSpeech.DEFAULT_TIMEOUT).voiceFor(tag))
        .isEqualTo(EspeakVoices.DEFAULT);
  }

  @Test
  void find_noLanguage_isTheDefault() {
    assertThat(EspeakVoices.find(null)).contains("en-us");
  }
}
