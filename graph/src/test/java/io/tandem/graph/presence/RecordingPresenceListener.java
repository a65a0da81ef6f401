package io.tandem.graph.presence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@link PresenceListener} that keeps every change for the test to take, in order. */
final class RecordingPresenceListener implements PresenceListener {

  private final LinkedBlockingQueue<PresenceChanged> changes = new LinkedBlockingQueue<>();

  @Override
  public void presenceChanged(PresenceChanged change) {
    changes.add(change);
  }

  /** The next change of {@code userId} to {@code presence} ("Busy/InACall"), skipping others. */
  PresenceChanged next(String userId, String presence) throws InterruptedException {
    long deadline = System.nanoTime() + Waiting.PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      PresenceChanged change = changes.poll(10, TimeUnit.MILLISECONDS);
      if (change != null
          && change.userId().equals(userId)
          && change.presence().toString().equals(presence)) {
        return change;
      }
    }
    throw new AssertionError("no change of " + userId + " to " + presence);
  }

  /** Every change that arrives within {@code wait}, after those already there. */
  List<PresenceChanged> drain(Duration wait) throws InterruptedException {
    List<PresenceChanged> drained = new ArrayList<>();
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline) {
      PresenceChanged change = changes.poll(5, TimeUnit.MILLISECONDS);
      if (change != null) {
        drained.add(change);
      }
    }
    return drained;
  }
}
