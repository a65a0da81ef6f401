package io.tandem.core.queue;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What a waiting caller's announcement says, as the queue's {@link Announcements} ask: the position
 * (1 = next to be answered; 0 when not announced or not waiting) and the expected wait (null when
 * not announced or not known yet).
 */
public record QueuePlace(int position, @Nullable Duration expectedWait) {

  /** Nothing to announce. */
  public static final QueuePlace NONE = new QueuePlace(0, null);

  public QueuePlace {
    if (position < 0) {
      throw new IllegalArgumentException("negative position: " + position);
    }
    if (expectedWait != null && expectedWait.isNegative()) {
      throw new IllegalArgumentException("negative expected wait: " + expectedWait);
    }
  }

  /** Whether there is anything to say. */
  public boolean announces() {
    return position > 0 || expectedWait != null;
  }
}
