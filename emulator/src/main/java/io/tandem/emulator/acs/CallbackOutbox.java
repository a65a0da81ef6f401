package io.tandem.emulator.acs;

import io.tandem.emulator.http.OutboundHttp;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Journal;
import io.tandem.emulator.time.Scheduler;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.IntSupplier;

/**
 * The callbacks of one call connection, delivered one after another in the order they were queued,
 * on a virtual thread that exists only while there is something to deliver.
 *
 * <p>Retries: a delivery that cannot reach the application, or that it answers with 408, 429 or
 * 5xx, is tried again after {@link #RETRY_DELAYS} (1 s, 2 s, 4 s of the emulator's clock: four
 * tries in all), and the callbacks behind it wait, so their order holds. After the last failed try
 * it is dropped (journal {@code callback.givenUp}) and the next one goes. Any other answer (2xx,
 * other 4xx) ends a delivery. Each try is journaled by {@link OutboundHttp} with its reply status,
 * each wait as {@code callback.retrying}.
 */
final class CallbackOutbox {

  /** The waits before the second, third and fourth try of one callback. */
  static final List<Duration> RETRY_DELAYS =
      List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));

  /** One queued callback: its event type, and one try that returns the reply status. */
  private record Delivery(String type, IntSupplier attempt) {}

  private final String callId;
  private final Scheduler scheduler;
  private final Journal journal;
  private final Queue<Delivery> pending = new ArrayDeque<>();
  private boolean draining;
  private int failedTries;

  CallbackOutbox(String callId, Scheduler scheduler, Journal journal) {
    this.callId = callId;
    this.scheduler = scheduler;
    this.journal = journal;
  }

  /** Queues event {@code type}; {@code attempt} sends it once and returns the reply status. */
  void submit(String type, IntSupplier attempt) {
    synchronized (this) {
      pending.add(new Delivery(type, attempt));
      if (draining) {
        return;
      }
      draining = true;
    }
    startDraining();
  }

  /** Whether a reply status asks for another try. */
  static boolean retryable(int status) {
    return status == OutboundHttp.UNREACHABLE || status == 408 || status == 429 || status >= 500;
  }

  private void startDraining() {
    Thread.ofVirtual().name("acs-callbacks").start(this::drain);
  }

  private void drain() {
    while (true) {
      Delivery next;
      synchronized (this) {
        next = pending.peek();
        if (next == null) {
          draining = false;
          return;
        }
      }
      int status;
      try {
        status = next.attempt().getAsInt();
      } catch (RuntimeException failed) {
        status = OutboundHttp.UNREACHABLE;
      }
      synchronized (this) {
        if (retryable(status) && failedTries < RETRY_DELAYS.size()) {
          Duration wait = RETRY_DELAYS.get(failedTries++);
          try {
            scheduler.schedule(wait, this::startDraining);
          } catch (RejectedExecutionException stopped) {
            // the emulator is shutting down: nothing more will be delivered
            pending.clear();
            failedTries = 0;
            draining = false;
            return;
          }
          journal.event(
              Channel.ACS,
              "callback.retrying",
              callId,
              Map.of(
                  "type", next.type(),
                  "status", Integer.toString(status),
                  "try", Integer.toString(failedTries + 1),
                  "after", wait.toString()));
          return;
        }
        if (retryable(status)) {
          journal.event(
              Channel.ACS,
              "callback.givenUp",
              callId,
              Map.of(
                  "type", next.type(),
                  "status", Integer.toString(status),
                  "tries", Integer.toString(failedTries + 1)));
        }
        failedTries = 0;
        pending.remove();
      }
    }
  }
}
