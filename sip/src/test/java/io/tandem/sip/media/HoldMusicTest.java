package io.tandem.sip.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.media.audio.FrameFormat;
import io.tandem.media.audio.PcmAudio;
import io.tandem.media.audio.ToneSource;
import io.tandem.media.codec.G711;
import io.tandem.media.rtp.RtpPacket;
import io.tandem.media.session.RtpListener;
import io.tandem.media.wav.WavEncoding;
import io.tandem.media.wav.WavWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HoldMusicTest {

  /** Quiet music (amplitude 1000) and loud announcement parts (16000) tell each other apart. */
  private static final PcmAudio MUSIC = tone(440, 1000, Duration.ofSeconds(2));

  @TempDir Path prompts;
  private MediaRig rig;
  private final FrameKinds heard = new FrameKinds();
  private AutoCloseable tap;

  @BeforeEach
  void open() throws Exception {
    rig = new MediaRig(prompts);
    for (String part : List.of("you-are-number", "3", "in-the-queue")) {
      WavWriter.write(
          prompts.resolve(part + ".wav"),
          tone(1500, 16000, Duration.ofMillis(100)),
          WavEncoding.PCM16);
    }
    tap = rig.caller.tap(heard);
  }

  @AfterEach
  void close() throws Exception {
    tap.close();
    rig.close();
  }

  @Test
  void musicLoops_withTheAnnouncementCutInEveryInterval() {
    HoldMusic hold = HoldMusic.start(rig.leg, MUSIC, rig.prompts, Duration.ofMillis(400));
    hold.update(3, null);

    MediaRig.await(
        "three announcements",
        () -> heard.runs().stream().filter(r -> r.startsWith("A")).count() >= 3);
    hold.stop();

    List<String> runs = heard.runs();
    int first =
        runs.indexOf(runs.stream().filter(r -> r.startsWith("A")).findFirst().orElseThrow());
    List<String> between = runs.subList(first, first + 5);
    assertThat(between.get(0)).as("three 100 ms parts").matches("A1[3-7]");
    assertThat(between.get(1)).as("400 ms of music").matches("M(19|20|21|22)");
    assertThat(between.get(2)).startsWith("A");
    assertThat(hold.announcementsStarted()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void withoutAPositionOrAWait_theMusicPlaysOnAlone() {
    HoldMusic hold = HoldMusic.start(rig.leg, MUSIC, rig.prompts, Duration.ofMillis(200));

    MediaRig.await("a second of music", () -> heard.music() >= 50);
    hold.update(0, null);
    MediaRig.await("another second of music", () -> heard.music() >= 100);

    assertThat(heard.runs()).noneMatch(r -> r.startsWith("A"));
    assertThat(hold.announcementsStarted()).isZero();
    assertThat(heard.music()).as("the 2 s clip loops").isGreaterThanOrEqualTo(100);
  }

  @Test
  void anExpectedWaitWithoutAPosition_isAnnouncedAlone() {
    HoldMusic hold = HoldMusic.start(rig.leg, MUSIC, rig.prompts, Duration.ofMillis(200));

    hold.update(0, Duration.ofMinutes(3));

    MediaRig.await("an announcement", () -> hold.announcementsStarted() >= 1);
  }

  @Test
  void stop_silencesTheLeg() {
    HoldMusic hold = HoldMusic.start(rig.leg, MUSIC, rig.prompts, null);
    MediaRig.await("music", () -> heard.music() >= 10);

    hold.stop();

    MediaRig.await("the leg to fall silent", () -> rig.leg.playing() == null);
    assertThat(hold.playing()).isFalse();
  }

  @Test
  void emptyMusic_isRefused() {
    assertThatThrownBy(
            () -> HoldMusic.start(rig.leg, PcmAudio.narrowband(new short[0]), rig.prompts, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void realDefaultMusicAndAnnouncement_areAudible() {
    HoldMusic hold =
        HoldMusic.start(rig.leg, rig.prompts.musicOnHold(), rig.prompts, Duration.ofMillis(200));
    hold.update(4, Duration.ofMinutes(2));

    MediaRig.await("an announcement", () -> hold.announcementsStarted() >= 1);
    rig.awaitHeard(25);
    hold.stop();

    assertThat(rig.ear.loudFrames()).isGreaterThanOrEqualTo(25);
  }

  private static PcmAudio tone(double hz, int amplitude, Duration length) {
    short[] samples = new short[FrameFormat.samplesIn(length)];
    short[] frame = new short[FrameFormat.SAMPLES];
    ToneSource source = ToneSource.steady(hz, amplitude);
    for (int at = 0; at < samples.length; at += frame.length) {
      source.read(frame);
      System.arraycopy(frame, 0, samples, at, Math.min(frame.length, samples.length - at));
    }
    return PcmAudio.narrowband(samples);
  }

  /** Classifies each PCMU frame heard as music (M), announcement (A) or silence, in order. */
  private static final class FrameKinds implements RtpListener {
    private final StringBuffer kinds = new StringBuffer();

    @Override
    public void onPacket(RtpPacket packet) {
      if (packet.payloadType() != G711.PCMU.payloadType()) {
        return;
      }
      double power = FrameFormat.meanPower(G711.PCMU.decode(packet.payload()));
      if (power > 20_000_000) {
        kinds.append('A');
      } else if (power > 100_000) {
        kinds.append('M');
      }
    }

    long music() {
      return kinds.chars().filter(c -> c == 'M').count();
    }

    /** Runs of one kind, e.g. {@code [M20, A15, M20]}. */
    List<String> runs() {
      String all = kinds.toString();
      List<String> runs = new ArrayList<>();
      int start = 0;
      for (int i = 1; i <= all.length(); i++) {
        if (i == all.length() || all.charAt(i) != all.charAt(start)) {
          runs.add(all.charAt(start) + Integer.toString(i - start));
          start = i;
        }
      }
      return runs;
    }
  }
}
