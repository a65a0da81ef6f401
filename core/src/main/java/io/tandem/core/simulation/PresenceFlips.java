package io.tandem.core.simulation;

import io.tandem.core.presence.Availability;
import java.time.Duration;
import java.util.Objects;

/**
 * Agents' Teams presence leaving Available now and then (a meeting, a quick call outside the
 * contact center): each agent goes to {@code availability} at Poisson times, {@code perHour} times
 * an hour on average, and comes back to Available after an exponentially distributed time with mean
 * {@code meanAway}. Meanwhile queues that do not accept that availability offer them nothing.
 *
 * @param perHour mean flips per agent and hour, at least 0
 * @param meanAway mean time away
 * @param availability the Teams availability while away, e.g. {@link Availability#BUSY}
 */
public record PresenceFlips(double perHour, Duration meanAway, Availability availability) {
  public PresenceFlips {
    Objects.requireNonNull(meanAway, "meanAway");
    Objects.requireNonNull(availability, "availability");
  }
}
