package io.tandem.emulator.pstn.trunk;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.media.audio.FrameFormat;
import io.tandem.media.audio.ToneSource;
import io.tandem.media.codec.G711;
import io.tandem.media.dtmf.DtmfDigit;
import io.tandem.media.dtmf.DtmfToneGenerator;
import io.tandem.media.rtp.RtpPacket;
import io.tandem.media.wav.WavReader;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What a trunk caller hears, measured from the packets the contact center sends. */
class HeardAudioTest {

  private int sequence;

  @Test
  void toneSilenceAndDigits_countedAndKept() throws Exception {
    HeardAudio heard = new HeardAudio(8000 * 60);
    ToneSource tone = ToneSource.steady(440, 6000);
    short[] frame = new short[FrameFormat.SAMPLES];
    for (int i = 0; i < 50; i++) {
      tone.read(frame);
      heard.onPacket(packet(G711.PCMU, frame));
    }
    for (int i = 0; i < 25; i++) {
      heard.onPacket(packet(G711.PCMA, new short[FrameFormat.SAMPLES]));
    }
    short[] nine = DtmfToneGenerator.DEFAULT.tone(DtmfDigit.NINE, Duration.ofMillis(100));
    for (int start = 0; start < nine.length; start += FrameFormat.SAMPLES) {
      heard.onPacket(packet(G711.PCMU, Arrays.copyOfRange(nine, start, start + 160)));
    }
    heard.onPacket(RtpPacket.of(false, 101, sequence++, 0, 1, new byte[] {5, 0, 0, (byte) 160}));
    heard.onDigit(DtmfDigit.FIVE);

    HeardAudio.Stats stats = heard.stats();
    assertThat(stats.packets()).isEqualTo(50 + 25 + 5 + 1);
    assertThat(stats.audioSeconds()).isEqualTo(1.6);
    assertThat(stats.soundSeconds()).isEqualTo(1.1);
    assertThat(stats.inbandDigits()).isEqualTo("9");
    assertThat(stats.rfc4733Digits()).isEqualTo("5");
    assertThat(stats.keptSeconds()).isEqualTo(1.6);
    assertThat(WavReader.read(heard.wav()).samples()).hasSize(80 * 160);
  }

  @Test
  void keptAudio_stopsAtTheLimit_statisticsGoOn() throws Exception {
    HeardAudio heard = new HeardAudio(8000);
    for (int i = 0; i < 100; i++) {
      heard.onPacket(packet(G711.PCMU, new short[FrameFormat.SAMPLES]));
    }
    assertThat(heard.stats().keptSeconds()).isEqualTo(1.0);
    assertThat(heard.stats().audioSeconds()).isEqualTo(2.0);
    assertThat(WavReader.read(heard.wav()).samples()).hasSize(8000);
  }

  private RtpPacket packet(G711 law, short[] samples) {
    return RtpPacket.of(
        false, law.payloadType(), sequence++, sequence * 160L, 1, law.encode(samples));
  }
}
