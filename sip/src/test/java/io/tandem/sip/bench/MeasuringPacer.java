package io.tandem.sip.bench;

import io.tandem.media.clock.Pacer;
import io.tandem.media.clock.TickSchedule;
import java.util.function.LongSupplier;

/**
 * A {@link Pacer} that measures its delegate: each task's tick {@code n} is due {@code n · 20 ms}
 * after the task was scheduled (the schedule {@link io.tandem.media.clock.ScheduledPacer} keeps),
 * and how late it starts against that deadline goes into a {@link TickLateness}. Since a tick sends
 * one RTP packet, this is the sender's pacing jitter.
 */
final class MeasuringPacer implements Pacer {

  private static final long PERIOD_NANOS = PERIOD_MILLIS * 1_000_000L;

  private final Pacer delegate;
  private final LongSupplier nanoTime;
  private final TickLateness lateness;

  MeasuringPacer(Pacer delegate, LongSupplier nanoTime, TickLateness lateness) {
    this.delegate = delegate;
    this.nanoTime = nanoTime;
    this.lateness = lateness;
  }

  @Override
  public long currentPeriod() {
    return delegate.currentPeriod();
  }

  @Override
  public PacedTask schedule(Runnable tick) {
    long start = nanoTime.getAsLong();
    return delegate.schedule(
        new Runnable() {
          private long number;

          @Override
          public void run() {
            number++;
            long now = nanoTime.getAsLong();
            long late = now - (start + number * PERIOD_NANOS);
            lateness.record(late);
            tick.run();
            long after = nanoTime.getAsLong();
            if (after - (start + (number + 1) * PERIOD_NANOS)
                > TickSchedule.MAX_CATCH_UP * PERIOD_NANOS) {
              // the pacer skips the missed slots and goes on from the current one (TickSchedule)
              number = (after - start) / PERIOD_NANOS;
            }
          }
        });
  }
}
