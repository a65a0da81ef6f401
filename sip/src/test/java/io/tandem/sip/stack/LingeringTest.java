package io.tandem.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LingeringTest {

  private final ManualTimers timers = new ManualTimers();
  private final Lingering lingering = new Lingering(timers);
  private final List<Integer> ended = new ArrayList<>();

  private Lingering.Lingerer numbered(int n) {
    return () -> ended.add(n);
  }

  @Test
  void endsEachAfterItsDelay_inTheOrderAdded_atTheNextSweep() {
    lingering.after(5_000, numbered(1));
    timers.advance(1_000);
    lingering.after(5_000, numbered(2));
    lingering.after(32_000, numbered(3));

    timers.advance(3_999);
    assertThat(ended).isEmpty();
    timers.advance(Lingering.SWEEP_MILLIS);
    assertThat(ended).containsExactly(1);
    timers.advance(1_000);
    assertThat(ended).containsExactly(1, 2);
    assertThat(lingering.size()).isEqualTo(1);
    timers.advance(27_000);
    assertThat(ended).containsExactly(1, 2, 3);
    assertThat(lingering.size()).isZero();
  }

  @Test
  void noDelay_endsAtOnce() {
    lingering.after(0, numbered(7));

    assertThat(ended).containsExactly(7);
    assertThat(lingering.size()).isZero();
  }

  @Test
  void thousandsAtOnce_theRingGrowsAcrossItsWrap_noneLostNoneEarly() {
    // a first batch moves the ring's head, so the growth below copies a wrapped ring
    for (int n = 0; n < 200; n++) {
      lingering.after(5_000, numbered(n));
    }
    timers.advance(5_000);
    assertThat(ended).hasSize(200);
    for (int n = 200; n < 5_200; n++) {
      lingering.after(5_000, numbered(n));
      if (n % 1_000 == 0) {
        timers.advance(1);
      }
    }
    assertThat(lingering.size()).isEqualTo(5_000);

    timers.advance(4_990);
    assertThat(ended).hasSize(200);
    timers.advance(Lingering.SWEEP_MILLIS + 10); // past the sweep after the last one is due

    assertThat(ended).hasSize(5_200).isSorted();
    assertThat(lingering.size()).isZero();
  }
}
