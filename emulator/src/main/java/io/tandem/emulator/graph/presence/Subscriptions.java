package io.tandem.emulator.graph.presence;

import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Journal;
import io.tandem.emulator.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every active presence subscription, indexed by the users it watches. Hears every presence change
 * and queues a notification for each active subscription of the user's tenant that watches the
 * user; ends subscriptions at their expiration (telling the lifecycle URL {@code
 * subscriptionRemoved}).
 */
final class Subscriptions implements PresenceListener {

  private final Scheduler scheduler;
  private final Journal journal;
  private final NotificationDelivery delivery;
  private final Map<String, Subscription> byId = new ConcurrentHashMap<>();
  private final Map<String, Set<Subscription>> byUser = new ConcurrentHashMap<>();

  Subscriptions(Scheduler scheduler, Journal journal, NotificationDelivery delivery) {
    this.scheduler = scheduler;
    this.journal = journal;
    this.delivery = delivery;
    delivery.onGivenUp(
        (subscription, why) -> {
          delivery.lifecycle(subscription, "missed");
          end(subscription, SubscriptionState.REMOVED, why);
        });
  }

  void add(Subscription subscription) {
    byId.put(subscription.id, subscription);
    for (String user : subscription.userIds) {
      byUser.computeIfAbsent(key(user), k -> ConcurrentHashMap.newKeySet()).add(subscription);
    }
    renew(subscription, subscription.expiration());
    journal.event(
        Channel.GRAPH,
        "presence.subscription.created",
        null,
        Map.of(
            "subscription",
            subscription.id,
            "app",
            subscription.appId,
            "users",
            Integer.toString(subscription.userIds.size()),
            "expiration",
            subscription.expiration().toString()));
  }

  /** The active subscription {@code id} of {@code appId} in {@code tenantId}. */
  Optional<Subscription> find(String tenantId, String appId, String id) {
    return Optional.ofNullable(byId.get(id))
        .filter(s -> s.tenantId.equalsIgnoreCase(tenantId) && s.appId.equalsIgnoreCase(appId))
        .filter(Subscription::isActive);
  }

  List<Subscription> of(String tenantId, String appId) {
    return byId.values().stream()
        .filter(s -> s.tenantId.equalsIgnoreCase(tenantId) && s.appId.equalsIgnoreCase(appId))
        .filter(Subscription::isActive)
        .sorted(
            java.util.Comparator.comparing((Subscription s) -> s.created).thenComparing(s -> s.id))
        .toList();
  }

  void renew(Subscription subscription, Instant until) {
    Duration left = Duration.between(scheduler.now(), until);
    subscription.renew(
        until,
        scheduler.schedule(
            left, () -> end(subscription, SubscriptionState.EXPIRED, "expired at " + until)));
  }

  void delete(Subscription subscription) {
    end(subscription, SubscriptionState.DELETED, "deleted by the app");
  }

  private void end(Subscription subscription, SubscriptionState how, String why) {
    if (!subscription.end(how)) {
      return;
    }
    byId.remove(subscription.id);
    for (String user : subscription.userIds) {
      Set<Subscription> watching = byUser.get(key(user));
      if (watching != null) {
        watching.remove(subscription);
      }
    }
    journal.event(
        Channel.GRAPH,
        "presence.subscription." + how.name().toLowerCase(Locale.ROOT),
        null,
        Map.of("subscription", subscription.id, "reason", why));
    if (how != SubscriptionState.DELETED) {
      delivery.lifecycle(subscription, "subscriptionRemoved");
    }
  }

  @Override
  public void presenceChanged(PresenceChange change) {
    Set<Subscription> watching = byUser.get(key(change.userId()));
    if (watching == null) {
      return;
    }
    for (Subscription subscription : watching) {
      if (subscription.isActive() && subscription.tenantId.equalsIgnoreCase(change.tenantId())) {
        delivery.enqueue(
            subscription,
            new Subscription.Pending(SubscriptionJson.notification(subscription, change), change));
      }
    }
  }

  private static String key(String userId) {
    return userId.toLowerCase(Locale.ROOT);
  }
}
