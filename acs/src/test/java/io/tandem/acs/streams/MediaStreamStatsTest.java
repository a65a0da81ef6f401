package io.tandem.acs.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.acs.streams.StreamFrame.AudioData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Counts of one media connection, per participant gaps, and snapshots taken while it records. */
class MediaStreamStatsTest {

  private static final Instant T0 = Instant.parse("2024-11-15T19:16:12.900Z");

  @Test
  void empty_hasNoTimestamps() {
    MediaStreamStats.Snapshot empty = new MediaStreamStats().snapshot();
    assertThat(empty.frames()).isZero();
    assertThat(empty.first()).isNull();
    assertThat(empty.last()).isNull();
    assertThat(empty.longestGap()).isEqualTo(Duration.ZERO);
    assertThat(empty.participants()).isEmpty();
  }

  @Test
  void countsFramesBytesSilenceAndTones() {
    MediaStreamStats stats = new MediaStreamStats();
    stats.record(frame(0, null, 640, false));
    stats.record(frame(20, null, 640, true));
    stats.record(frame(40, null, 320, true));
    stats.recordDtmf();
    MediaStreamStats.Snapshot snapshot = stats.snapshot();
    assertThat(snapshot.frames()).isEqualTo(3);
    assertThat(snapshot.bytes()).isEqualTo(1600);
    assertThat(snapshot.silentFrames()).isEqualTo(2);
    assertThat(snapshot.dtmfTones()).isEqualTo(1);
    assertThat(snapshot.first()).isEqualTo(T0);
    assertThat(snapshot.last()).isEqualTo(T0.plusMillis(40));
    assertThat(snapshot.longestGap()).isEqualTo(Duration.ofMillis(20));
    assertThat(snapshot.participants()).isEmpty();
  }

  @Test
  void longestGap_isPerParticipant_soInterleavedUnmixedStreamsDoNotHideALoss() {
    MediaStreamStats stats = new MediaStreamStats();
    stats.record(frame(0, "4:+1425", 640, false));
    stats.record(frame(0, "8:acs:agent", 640, false));
    stats.record(frame(20, "4:+1425", 640, false));
    stats.record(frame(20, "8:acs:agent", 640, false));
    stats.record(frame(40, "4:+1425", 640, false));
    stats.record(frame(120, "8:acs:agent", 640, false));
    stats.record(frame(60, "4:+1425", 640, false));
    MediaStreamStats.Snapshot snapshot = stats.snapshot();
    assertThat(snapshot.longestGap()).isEqualTo(Duration.ofMillis(100));
    assertThat(snapshot.participants()).containsExactlyInAnyOrder("4:+1425", "8:acs:agent");
    assertThat(snapshot.first()).isEqualTo(T0);
    assertThat(snapshot.last()).isEqualTo(T0.plusMillis(120));
  }

  @Test
  void snapshots_whileAnotherThreadRecords_areConsistent() throws Exception {
    MediaStreamStats stats = new MediaStreamStats();
    CountDownLatch started = new CountDownLatch(1);
    Thread recorder =
        Thread.ofPlatform()
            .start(
                () -> {
                  started.countDown();
                  for (int i = 0; i < 20_000; i++) {
                    stats.record(frame(i * 20L, null, 640, i % 2 == 0));
                  }
                });
    started.await();
    List<MediaStreamStats.Snapshot> seen = new ArrayList<>();
    while (recorder.isAlive()) {
      seen.add(stats.snapshot());
    }
    recorder.join();
    seen.add(stats.snapshot());
    for (MediaStreamStats.Snapshot snapshot : seen) {
      assertThat(snapshot.bytes()).isEqualTo(snapshot.frames() * 640);
      assertThat(snapshot.silentFrames()).isEqualTo((snapshot.frames() + 1) / 2);
    }
    assertThat(seen.getLast().frames()).isEqualTo(20_000);
  }

  private static AudioData frame(long millis, String participant, int bytes, boolean silent) {
    return new AudioData(T0.plusMillis(millis), participant, new byte[bytes], silent);
  }
}
