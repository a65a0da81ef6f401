package io.tandem.emulator.graph.presence;

import io.tandem.emulator.http.Json;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Direction;
import io.tandem.emulator.journal.Journal;
import io.tandem.emulator.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Posts change notifications to subscriptions' notification URLs from virtual threads, one drain
 * per subscription at a time, up to {@code maxBatch} notifications per POST. A POST the endpoint
 * does not accept with 2xx within the delivery timeout (3 s) is sent again every retry interval (10
 * min) until the retry period (4 h) since its first attempt is over; then it is dropped, the app
 * hears {@code missed} on its lifecycle URL, and the subscription is removed. Every attempt is
 * journaled (kind {@code presence.notification}, at its send time) with its reply.
 */
final class NotificationDelivery implements AutoCloseable {

  private final WebhookClient webhooks;
  private final Scheduler scheduler;
  private final Journal journal;
  private final Supplier<PresenceSettings> settings;
  private final Function<Subscription, String> validationTokens;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private BiConsumer<Subscription, String> onGivenUp = (s, why) -> {};

  NotificationDelivery(
      WebhookClient webhooks,
      Scheduler scheduler,
      Journal journal,
      Supplier<PresenceSettings> settings,
      Function<Subscription, String> validationTokens) {
    this.webhooks = webhooks;
    this.validationTokens = validationTokens;
    this.scheduler = scheduler;
    this.journal = journal;
    this.settings = settings;
  }

  /** What happens to a subscription whose notifications were dropped. */
  void onGivenUp(BiConsumer<Subscription, String> handler) {
    this.onGivenUp = handler;
  }

  /** Queues a notification for {@code subscription} and makes sure a drain is running. */
  void enqueue(Subscription subscription, Subscription.Pending notification) {
    subscription.pending.add(notification);
    if (subscription.draining.compareAndSet(false, true)) {
      threads.execute(() -> drain(subscription));
    }
  }

  /** Posts a lifecycle notification ({@code subscriptionRemoved}, {@code missed}) once. */
  void lifecycle(Subscription subscription, String event) {
    String url = subscription.lifecycleNotificationUrl;
    if (url == null) {
      return;
    }
    ObjectNode item = Json.object();
    item.put("subscriptionId", subscription.id);
    item.put("subscriptionExpirationDateTime", subscription.expiration().toString());
    item.put("tenantId", subscription.tenantId);
    item.put("clientState", subscription.clientState);
    item.put("lifecycleEvent", event);
    ObjectNode body = Json.object();
    body.putArray("value").add(item);
    threads.execute(
        () ->
            post(
                subscription,
                url,
                "presence.lifecycle",
                Json.text(body),
                Map.of("lifecycleEvent", event)));
  }

  private void drain(Subscription subscription) {
    while (true) {
      List<Subscription.Pending> batch = new ArrayList<>();
      int max = settings.get().maxBatch();
      Subscription.Pending next;
      while (batch.size() < max && (next = subscription.pending.poll()) != null) {
        batch.add(next);
      }
      if (batch.isEmpty()) {
        subscription.draining.set(false);
        if (subscription.pending.isEmpty() || !subscription.draining.compareAndSet(false, true)) {
          return;
        }
        continue;
      }
      attempt(subscription, batch, scheduler.now(), 1);
    }
  }

  private void attempt(
      Subscription subscription, List<Subscription.Pending> batch, Instant firstTry, int attempt) {
    if (!subscription.isActive()) {
      return;
    }
    ObjectNode body = Json.object();
    ArrayNode value = body.putArray("value");
    StringJoiner changes = new StringJoiner(",");
    Instant earliest = batch.get(0).change().at();
    for (Subscription.Pending pending : batch) {
      value.add(pending.item());
      changes.add(pending.change().userId() + "@" + pending.change().sequence());
      if (pending.change().at().isBefore(earliest)) {
        earliest = pending.change().at();
      }
    }
    if (subscription.rich != null) {
      body.putArray("validationTokens").add(validationTokens.apply(subscription));
    }
    boolean accepted =
        post(
            subscription,
            subscription.notificationUrl,
            "presence.notification",
            Json.text(body),
            Map.of(
                "count", Integer.toString(batch.size()),
                "attempt", Integer.toString(attempt),
                "changes", changes.toString(),
                "earliestChange", earliest.toString()));
    if (accepted) {
      return;
    }
    PresenceSettings limits = settings.get();
    Duration tried = Duration.between(firstTry, scheduler.now());
    if (tried.plus(limits.retryInterval()).compareTo(limits.retryFor()) > 0) {
      journal.event(
          Channel.GRAPH,
          "presence.notification.dropped",
          null,
          Map.of(
              "subscription", subscription.id,
              "count", Integer.toString(batch.size()),
              "attempts", Integer.toString(attempt)));
      onGivenUp.accept(subscription, "notifications kept failing for " + limits.retryFor());
      return;
    }
    scheduler.schedule(
        limits.retryInterval(),
        () -> threads.execute(() -> attempt(subscription, batch, firstTry, attempt + 1)));
    journal.event(
        Channel.GRAPH,
        "presence.notification.retryScheduled",
        null,
        Map.of(
            "subscription", subscription.id,
            "attempt", Integer.toString(attempt + 1),
            "at", scheduler.now().plus(limits.retryInterval()).toString()));
  }

  private boolean post(
      Subscription subscription,
      String url,
      String kind,
      String body,
      Map<String, String> attributes) {
    Map<String, String> sent = new java.util.HashMap<>(attributes);
    sent.put("subscription", subscription.id);
    sent.put("url", url);
    journal.record(Channel.GRAPH, Direction.OUT, kind, null, sent, body);
    long started = System.nanoTime();
    WebhookClient.Answer answer = webhooks.postJson(url, body, settings.get().deliveryTimeout());
    long micros = (System.nanoTime() - started) / 1000;
    Map<String, String> reply = new java.util.HashMap<>(sent);
    reply.put("status", Integer.toString(answer.status()));
    reply.put("elapsedMicros", Long.toString(micros));
    journal.record(
        Channel.GRAPH,
        Direction.IN,
        kind + " reply",
        null,
        reply,
        answer.body().isEmpty() ? null : answer.body());
    return answer.accepted();
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
