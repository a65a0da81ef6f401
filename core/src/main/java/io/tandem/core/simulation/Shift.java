package io.tandem.core.simulation;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * When a group's agents work: they log in ready at {@code start} and log out at {@code end}, both
 * offsets from the scenario start, repeating every {@code every} if set. An agent still on a call
 * or in wrap-up at {@code end} logs out once that work is done.
 *
 * @param start offset of the first log-in
 * @param end offset of the first log-out, after {@code start}
 * @param every repetition period (e.g. one day), at least {@code end - start}; {@code null} for
 *     once
 */
public record Shift(Duration start, Duration end, @Nullable Duration every) {
  public Shift {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
  }

  /** A shift that happens once. */
  public static Shift once(Duration start, Duration end) {
    return new Shift(start, end, null);
  }
}
