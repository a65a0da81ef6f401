package io.tandem.graph.presence;

import io.tandem.graph.client.GraphClient;
import io.tandem.graph.client.GraphException;
import io.tandem.graph.client.GraphResponse;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps Graph presence change-notification subscriptions alive for a set of users: one subscription
 * per {@value #MAX_IDS_PER_SUBSCRIPTION} users ({@code /communications/presences?$filter=id in
 * (…)}, changeType {@code updated}, a fresh random clientState each), each asking for an expiry of
 * now + 60 min − {@code expiryMargin} and renewed by PATCH {@code renewalLead} before it. A
 * subscription Graph no longer has — 404 on renewal, a {@code subscriptionRemoved} lifecycle event,
 * or an expiry that passed while renewals failed — is created again, and its users are reported to
 * {@link MissedChanges} because changes in the gap were never notified; so are the users of a
 * {@code missed} event. Failed creates and renewals are retried after {@code retryDelay}.
 *
 * <p>Thread-safe. {@link #watch}, {@link #handle} and {@link #close} block for Graph requests;
 * renewals run on the {@link PresenceScheduler}; {@link #matches} never blocks.
 */
public final class PresenceSubscriptions implements ClientStateCheck, AutoCloseable {

  /** Graph's limit of users in one presence subscription. */
  public static final int MAX_IDS_PER_SUBSCRIPTION = 650;

  private static final Logger LOG = System.getLogger(PresenceSubscriptions.class.getName());
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final GraphClient graph;
  private final SubscriptionSettings settings;
  private final Clock clock;
  private final PresenceScheduler scheduler;
  private final MissedChanges missedChanges;
  private final SecureRandom random = new SecureRandom();
  private final List<SubscriptionBatch> batches = new CopyOnWriteArrayList<>();
  private final Map<String, SubscriptionBatch> bySubscriptionId = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /** Told about users whose presence changes may never have been notified. */
  @FunctionalInterface
  public interface MissedChanges {
    void mayHaveMissed(Set<String> userIds);
  }

  public PresenceSubscriptions(
      GraphClient graph,
      SubscriptionSettings settings,
      Clock clock,
      PresenceScheduler scheduler,
      MissedChanges missedChanges) {
    this.graph = graph;
    this.settings = settings;
    this.clock = clock;
    this.scheduler = scheduler;
    this.missedChanges = missedChanges;
  }

  /**
   * Subscribes to {@code userIds} in batches. A batch Graph refuses is logged and tried again
   * later; this method does not fail. The notification endpoint must already answer the validation
   * handshake.
   */
  public void watch(Collection<String> userIds) {
    for (List<String> ids : PresenceReader.batches(userIds, MAX_IDS_PER_SUBSCRIPTION)) {
      SubscriptionBatch batch = new SubscriptionBatch(ids);
      batches.add(batch);
      locked(batch, () -> create(batch));
    }
  }

  /** Acts on a lifecycle event that passed the clientState check. */
  public void handle(LifecycleEvent event) {
    SubscriptionBatch batch = bySubscriptionId.get(event.subscriptionId());
    if (batch == null) {
      return;
    }
    switch (event.kind()) {
      case SUBSCRIPTION_REMOVED ->
          locked(
              batch,
              () -> {
                if (isCurrent(batch, event.subscriptionId())) {
                  forget(batch);
                  recreate(batch);
                }
              });
      case MISSED -> missedChanges.mayHaveMissed(Set.copyOf(batch.userIds));
      case REAUTHORIZATION_REQUIRED -> locked(batch, () -> renew(batch, event.subscriptionId()));
      case OTHER -> LOG.log(Level.DEBUG, () -> "ignored lifecycle event " + event);
    }
  }

  @Override
  public boolean matches(String subscriptionId, @Nullable String clientState) {
    SubscriptionBatch batch = bySubscriptionId.get(subscriptionId);
    SubscriptionBatch.Current current = batch == null ? null : batch.current;
    return current != null
        && clientState != null
        && current.id().equals(subscriptionId)
        && MessageDigest.isEqual(
            current.clientState().getBytes(StandardCharsets.UTF_8),
            clientState.getBytes(StandardCharsets.UTF_8));
  }

  /** The subscriptions Graph holds for Tandem now. */
  public List<PresenceSubscription> active() {
    return batches.stream()
        .map(batch -> batch.current == null ? null : toView(batch))
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  /** Stops renewing and deletes every subscription (best effort). */
  @Override
  public void close() {
    closed = true;
    for (SubscriptionBatch batch : batches) {
      locked(
          batch,
          () -> {
            batch.replaceTimer(null);
            SubscriptionBatch.Current current = batch.current;
            if (current != null) {
              forget(batch);
              try {
                graph.delete("/subscriptions/" + current.id());
              } catch (GraphException refused) {
                LOG.log(Level.DEBUG, () -> "could not delete " + current.id() + ": " + refused);
              }
            }
          });
    }
  }

  /** Creates the batch's subscription; on failure schedules {@link #recreate}. */
  private boolean create(SubscriptionBatch batch) {
    if (closed) {
      return false;
    }
    String clientState = newClientState();
    Instant asked = settings.expiryFrom(clock.instant());
    ObjectNode body = JSON.createObjectNode();
    body.put("changeType", "updated");
    body.put("notificationUrl", settings.notificationUrl().toString());
    if (settings.lifecycleNotificationUrl() != null) {
      body.put("lifecycleNotificationUrl", settings.lifecycleNotificationUrl().toString());
    }
    body.put("resource", batch.resource());
    body.put("expirationDateTime", asked.toString());
    body.put("clientState", clientState);
    try {
      GraphResponse created = graph.post("/subscriptions", body);
      String id = created.body().path("id").asString("");
      if (id.isEmpty()) {
        throw new GraphException(created.status(), "NoId", "no subscription id", null);
      }
      Instant expiration = expiration(created.body(), asked);
      batch.current = new SubscriptionBatch.Current(id, clientState, expiration);
      bySubscriptionId.put(id, batch);
      scheduleRenewal(batch, id, expiration);
      LOG.log(Level.DEBUG, () -> "subscribed " + batch.userIds.size() + " users as " + id);
      return true;
    } catch (GraphException refused) {
      LOG.log(Level.WARNING, () -> "presence subscription refused, retrying: " + refused);
      batch.replaceTimer(
          scheduler.schedule(settings.retryDelay(), () -> locked(batch, () -> recreate(batch))));
      return false;
    }
  }

  /** Creates a subscription for a batch that has none, and reports its users as possibly missed. */
  private void recreate(SubscriptionBatch batch) {
    if (batch.current == null && create(batch)) {
      missedChanges.mayHaveMissed(Set.copyOf(batch.userIds));
    }
  }

  private void renew(SubscriptionBatch batch, String subscriptionId) {
    SubscriptionBatch.Current current = batch.current;
    if (closed || current == null || !current.id().equals(subscriptionId)) {
      return;
    }
    Instant asked = settings.expiryFrom(clock.instant());
    ObjectNode body = JSON.createObjectNode().put("expirationDateTime", asked.toString());
    try {
      GraphResponse renewed = graph.patch("/subscriptions/" + current.id(), body);
      Instant expiration = expiration(renewed.body(), asked);
      batch.current = current.expiringAt(expiration);
      scheduleRenewal(batch, current.id(), expiration);
    } catch (GraphException refused) {
      Instant now = clock.instant();
      if (refused.status() == 404 || !now.isBefore(current.expiration())) {
        LOG.log(Level.INFO, () -> "subscription " + current.id() + " is gone, re-creating");
        forget(batch);
        recreate(batch);
      } else {
        LOG.log(Level.WARNING, () -> "renewal of " + current.id() + " failed, retrying");
        Duration left = Duration.between(now, current.expiration());
        Duration wait = left.compareTo(settings.retryDelay()) < 0 ? left : settings.retryDelay();
        batch.replaceTimer(
            scheduler.schedule(wait, () -> locked(batch, () -> renew(batch, current.id()))));
      }
    }
  }

  /**
   * Renews {@code renewalLead} before {@code expiration}, or halfway there if Graph granted less
   * than that (so a short expiry never turns into a tight loop of renewals).
   */
  private void scheduleRenewal(SubscriptionBatch batch, String id, Instant expiration) {
    Instant now = clock.instant();
    Duration wait = Duration.between(now, expiration.minus(settings.renewalLead()));
    Duration halfway = Duration.between(now, expiration).dividedBy(2);
    if (wait.compareTo(halfway) < 0) {
      wait = halfway;
    }
    batch.replaceTimer(scheduler.schedule(wait, () -> locked(batch, () -> renew(batch, id))));
  }

  private void forget(SubscriptionBatch batch) {
    SubscriptionBatch.Current current = batch.current;
    if (current != null) {
      bySubscriptionId.remove(current.id());
    }
    batch.current = null;
  }

  private static boolean isCurrent(SubscriptionBatch batch, String subscriptionId) {
    SubscriptionBatch.Current current = batch.current;
    return current != null && current.id().equals(subscriptionId);
  }

  private static PresenceSubscription toView(SubscriptionBatch batch) {
    SubscriptionBatch.Current current = java.util.Objects.requireNonNull(batch.current);
    return new PresenceSubscription(current.id(), batch.userIds.size(), current.expiration());
  }

  private static Instant expiration(JsonNode subscription, Instant asked) {
    try {
      return OffsetDateTime.parse(subscription.path("expirationDateTime").asString("")).toInstant();
    } catch (DateTimeParseException notADate) {
      return asked;
    }
  }

  private String newClientState() {
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  private static void locked(SubscriptionBatch batch, Runnable action) {
    batch.lock.lock();
    try {
      action.run();
    } finally {
      batch.lock.unlock();
    }
  }
}
