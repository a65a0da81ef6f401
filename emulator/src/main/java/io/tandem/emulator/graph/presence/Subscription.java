package io.tandem.emulator.graph.presence;

import io.tandem.emulator.time.Scheduler;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * One app's presence change notification subscription: what it watches, where notifications go, its
 * expiration and state, and its queue of notifications waiting to be posted.
 */
final class Subscription {

  final String id;
  final String tenantId;
  final String appId;
  final String resource;
  final Set<String> userIds;
  final String notificationUrl;
  final @Nullable String lifecycleNotificationUrl;
  final @Nullable String clientState;
  final @Nullable RichContent rich;
  final Instant created;

  /** Notifications waiting to be posted; drained by one virtual thread at a time. */
  final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();

  final AtomicBoolean draining = new AtomicBoolean();

  private Instant expiration;
  private SubscriptionState state = SubscriptionState.ACTIVE;
  private Scheduler.@Nullable Timer expiry;

  /** A change notification item and the presence change it reports. */
  record Pending(ObjectNode item, PresenceChange change) {}

  Subscription(
      String id,
      String tenantId,
      String appId,
      String resource,
      Set<String> userIds,
      String notificationUrl,
      @Nullable String lifecycleNotificationUrl,
      @Nullable String clientState,
      @Nullable RichContent rich,
      Instant created,
      Instant expiration) {
    this.id = id;
    this.tenantId = tenantId;
    this.appId = appId;
    this.resource = resource;
    this.userIds = Set.copyOf(userIds);
    this.notificationUrl = notificationUrl;
    this.lifecycleNotificationUrl = lifecycleNotificationUrl;
    this.clientState = clientState;
    this.rich = rich;
    this.created = created;
    this.expiration = expiration;
  }

  synchronized Instant expiration() {
    return expiration;
  }

  synchronized SubscriptionState state() {
    return state;
  }

  synchronized boolean isActive() {
    return state == SubscriptionState.ACTIVE;
  }

  /** Moves to a new expiration, replacing the expiry timer. */
  synchronized void renew(Instant until, Scheduler.Timer timer) {
    if (expiry != null) {
      expiry.cancel();
    }
    expiration = until;
    expiry = timer;
  }

  /** Ends the subscription; false if it had already ended. */
  synchronized boolean end(SubscriptionState next) {
    if (!state.canMoveTo(next)) {
      return false;
    }
    state = next;
    if (expiry != null) {
      expiry.cancel();
    }
    pending.clear();
    return true;
  }
}
