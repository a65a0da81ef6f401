package io.tandem.graph.presence;

import java.util.List;
import java.util.Set;

/**
 * What one POST from Graph to Tandem's notification (or lifecycle) URL said, after the clientState
 * check.
 *
 * @param changedUserIds users whose presence changed; basic notifications carry only the id, so
 *     these are re-read with {@link PresenceReader}
 * @param lifecycleEvents lifecycle events about Tandem's subscriptions
 * @param refusals items dropped because their clientState did not match (or named no subscription
 *     Tandem holds) or said nothing usable
 */
public record ReceivedNotifications(
    Set<String> changedUserIds, List<LifecycleEvent> lifecycleEvents, List<Refusal> refusals) {

  /** An item that was dropped, and why. */
  public record Refusal(String subscriptionId, String reason) {}

  public ReceivedNotifications {
    changedUserIds = Set.copyOf(changedUserIds);
    lifecycleEvents = List.copyOf(lifecycleEvents);
    refusals = List.copyOf(refusals);
  }

  /** Whether at least one item passed the clientState check. */
  public boolean anyAccepted() {
    return !changedUserIds.isEmpty() || !lifecycleEvents.isEmpty();
  }
}
