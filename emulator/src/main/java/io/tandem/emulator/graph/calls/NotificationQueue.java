package io.tandem.emulator.graph.calls;

import io.tandem.emulator.entra.CallbackTokens;
import io.tandem.emulator.http.OutboundHttp;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.time.Scheduler;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One call's notifications to its bot, delivered one at a time in the order they were queued, by a
 * virtual thread that runs only while something is queued. A delivery the bot answers with 5xx, or
 * that cannot reach the bot, is tried again after {@code retryBackoff}, doubled each time, up to
 * {@code notificationAttempts} tries; the notifications behind it wait, so order holds. Other
 * answers (2xx, 4xx) end a delivery. Every try and its reply status are in the journal (kind {@code
 * notification} / {@code notification reply}).
 */
final class NotificationQueue {

  private record Pending(URI target, String audience, String tenantId, String body) {}

  private final String callId;
  private final OutboundHttp outbound;
  private final CallbackTokens tokens;
  private final Scheduler scheduler;
  private final Supplier<GraphCallsSettings> settings;
  private final ArrayDeque<Pending> pending = new ArrayDeque<>();
  private boolean draining;
  private int failedTries;

  NotificationQueue(
      String callId,
      OutboundHttp outbound,
      CallbackTokens tokens,
      Scheduler scheduler,
      Supplier<GraphCallsSettings> settings) {
    this.callId = callId;
    this.outbound = outbound;
    this.tokens = tokens;
    this.scheduler = scheduler;
    this.settings = settings;
  }

  /** Queues {@code body} for {@code target}, signed for the bot {@code audience} of a tenant. */
  void enqueue(URI target, String audience, String tenantId, String body) {
    synchronized (this) {
      pending.addLast(new Pending(target, audience, tenantId, body));
      if (draining) {
        return;
      }
      draining = true;
    }
    startDraining();
  }

  /** Whether nothing is queued or being delivered. */
  synchronized boolean idle() {
    return !draining;
  }

  private void startDraining() {
    Thread.ofVirtual().name("graph-notify-" + callId).start(this::drain);
  }

  private void drain() {
    while (true) {
      Pending next;
      synchronized (this) {
        next = pending.peekFirst();
        if (next == null) {
          draining = false;
          return;
        }
      }
      OutboundHttp.Answer answer =
          outbound.postJson(
              Channel.GRAPH,
              callId,
              "notification",
              next.target(),
              Map.of("Authorization", "Bearer " + tokens.issue(next.audience(), next.tenantId())),
              next.body());
      boolean retry = answer.status() == OutboundHttp.UNREACHABLE || answer.status() >= 500;
      synchronized (this) {
        if (retry && failedTries + 1 < settings.get().notificationAttempts()) {
          failedTries++;
          Duration wait = settings.get().retryBackoff().multipliedBy(1L << (failedTries - 1));
          scheduler.schedule(wait, this::startDraining);
          return;
        }
        failedTries = 0;
        pending.removeFirst();
      }
    }
  }
}
