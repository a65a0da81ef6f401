package io.tandem.media.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.media.audio.PcmAudio;
import org.junit.jupiter.api.Test;

class RenderDefaultPromptsTest {

  @Test
  void trimmed_keepsTheSpeechWithShortMargins() {
    short[] samples = new short[8000];
    for (int i = 2000; i < 3000; i++) {
      samples[i] = (short) (i % 2 == 0 ? 5000 : -5000);
    }

    PcmAudio trimmed = RenderDefaultPrompts.trimmed(PcmAudio.narrowband(samples));

    assertThat(trimmed.samples()).hasSize(160 + 1000 + 640);
    assertThat(trimmed.samples()[160]).isEqualTo((short) 5000);
  }

  @Test
  void trimmed_silence_isEmpty() {
    assertThat(RenderDefaultPrompts.trimmed(PcmAudio.narrowband(new short[800])).samples())
        .isEmpty();
  }
}
