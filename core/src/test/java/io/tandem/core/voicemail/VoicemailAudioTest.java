package io.tandem.core.voicemail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class VoicemailAudioTest {

  @Test
  void ofWav_readsFormatAndDuration_pastOtherChunks() {
    VoicemailAudio audio = VoicemailAudio.ofWav(Wavs.pcm16(Duration.ofMillis(2500), 16_000));

    assertThat(audio.duration()).isEqualTo(Duration.ofMillis(2500));
    assertThat(audio.format()).isEqualTo("audio/wav; rate=16000; bits=16; channels=1");
    assertThat(audio.dataBytes()).isEqualTo(80_000);
  }

  @Test
  void ofWav_ofATruncatedFile_countsOnlyTheBytesThere() {
    byte[] whole = Wavs.pcm16(Duration.ofSeconds(2), 8_000);
    byte[] cut = Arrays.copyOf(whole, whole.length - 16_000);

    assertThat(VoicemailAudio.ofWav(cut).duration()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void ofWav_rejectsWhatIsNoWave() {
    assertThatThrownBy(() -> VoicemailAudio.ofWav("hello".getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RIFF");
    byte[] noData = Arrays.copyOf(Wavs.pcm16(Duration.ZERO, 8_000), 36);
    assertThatThrownBy(() -> VoicemailAudio.ofWav(noData))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("data");
  }
}
