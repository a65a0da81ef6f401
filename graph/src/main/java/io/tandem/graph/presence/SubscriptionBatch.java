package io.tandem.graph.presence;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Up to 650 users watched by one Graph subscription, and that subscription while it exists. Graph
 * operations on a batch (create, renew, re-create, delete) hold its {@link #lock}, so they never
 * overlap; {@link #current} is also read without the lock by the clientState check.
 */
final class SubscriptionBatch {

  /** The subscription Graph holds for this batch, with the clientState Tandem gave it. */
  record Current(String id, String clientState, Instant expiration) {
    Current expiringAt(Instant later) {
      return new Current(id, clientState, later);
    }
  }

  final List<String> userIds;
  final ReentrantLock lock = new ReentrantLock();
  volatile @Nullable Current current;

  /** The renewal or retry waiting to run; guarded by {@link #lock}. */
  PresenceScheduler.@Nullable Scheduled timer;

  SubscriptionBatch(List<String> userIds) {
    this.userIds = List.copyOf(userIds);
  }

  /**
   * Graph's {@code resource} for these users: {@code /communications/presences?$filter=id in (…)}.
   */
  String resource() {
    StringBuilder resource = new StringBuilder("/communications/presences?$filter=id in (");
    for (int i = 0; i < userIds.size(); i++) {
      if (i > 0) {
        resource.append(',');
      }
      resource.append('\'').append(userIds.get(i).replace("'", "''")).append('\'');
    }
    return resource.append(')').toString();
  }

  /** Replaces the waiting timer (cancelling the old one); call with the lock held. */
  void replaceTimer(PresenceScheduler.@Nullable Scheduled next) {
    if (timer != null) {
      timer.cancel();
    }
    timer = next;
  }
}
