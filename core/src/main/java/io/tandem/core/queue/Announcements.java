package io.tandem.core.queue;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a waiting caller hears: music on hold, and every {@code interval} the position in queue
 * and/or the expected wait. Channels carry it out; the domain only says what to announce.
 *
 * @param musicOnHold prompt URI looped while waiting
 * @param interval time between announcements; {@code null} for none
 * @param announcePosition whether announcements say the caller's position
 * @param announceExpectedWait whether announcements say the expected wait
 */
public record Announcements(
    String musicOnHold,
    @Nullable Duration interval,
    boolean announcePosition,
    boolean announceExpectedWait) {
  public Announcements {
    Objects.requireNonNull(musicOnHold, "musicOnHold");
    if (interval != null && (interval.isNegative() || interval.isZero())) {
      throw new IllegalArgumentException("announcement interval must be positive: " + interval);
    }
  }

  /** What callers waiting in {@code queue} hear: its announcements, the standard for none. */
  public static Announcements of(@Nullable QueueConfig queue) {
    return queue == null ? standard() : queue.announcements();
  }

  /** Default music on hold, an announcement of the position every 60 s. */
  public static Announcements standard() {
    return new Announcements("prompt:music-on-hold", Duration.ofSeconds(60), true, false);
  }
}
