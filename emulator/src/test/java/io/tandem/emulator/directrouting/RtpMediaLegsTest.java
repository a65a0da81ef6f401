package io.tandem.emulator.directrouting;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.media.audio.FrameFormat;
import io.tandem.media.audio.Goertzel;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The Teams side's RTP legs: the tone they send, and what they keep of what they receive. */
class RtpMediaLegsTest {

  @Test
  void toneLegToSilentLeg_recordingDecodesTheTone() throws Exception {
    try (RtpMediaLegs legs = new RtpMediaLegs("127.0.0.1")) {
      MediaLeg tone = legs.open("tone:440");
      MediaLeg quiet = legs.open("silence");
      tone.connect("127.0.0.1", quiet.localPort(), 0, 101);
      quiet.connect("127.0.0.1", tone.localPort(), 0, 101);
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while ((quiet.packetsReceived() < 60 || tone.packetsReceived() < 60)
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      short[] heard = quiet.recording();
      assertThat(heard.length).isGreaterThanOrEqualTo(60 * FrameFormat.SAMPLES);
      assertThat(heard.length % FrameFormat.SAMPLES).isZero();
      assertThat(share440(heard)).as("share of the recorded power at 440 Hz").isGreaterThan(0.9);
      short[] silence = tone.recording();
      assertThat(silence.length).isGreaterThanOrEqualTo(60 * FrameFormat.SAMPLES);
      assertThat(FrameFormat.meanPower(silence)).isLessThan(1.0);
      tone.close();
      quiet.close();
    }
  }

  /** Power at 440 Hz over the whole, in 100 ms blocks (44 whole cycles each). */
  private static double share440(short[] samples) {
    double tone = 0;
    double total = 0;
    for (int start = 0; start + 800 <= samples.length; start += 800) {
      short[] block = Arrays.copyOfRange(samples, start, start + 800);
      tone += Goertzel.power(block, 440, FrameFormat.SAMPLE_RATE);
      total += FrameFormat.meanPower(block);
    }
    return tone / total;
  }
}
