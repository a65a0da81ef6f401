package io.tandem.server.presence;

import io.tandem.graph.presence.PollingSettings;
import io.tandem.graph.presence.PresenceFeed;
import io.tandem.graph.presence.PresenceListener;
import io.tandem.graph.presence.PresenceScheduler;
import io.tandem.graph.presence.SubscriptionSettings;
import io.tandem.server.microsoft.MicrosoftConnection;
import io.tandem.server.microsoft.MicrosoftProperties;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Makes the presence feeds of {@link TeamsPresenceRouting} from {@code
 * tandem.microsoft.presence.*}, notifications to {@value TeamsPresenceRouting#NOTIFICATION_PATH}
 * under the public base URL, and owns the threads they share: reads on virtual threads, timers
 * waiting on one platform thread.
 */
final class TeamsPresenceFeeds implements AutoCloseable {

  private final MicrosoftConnection microsoft;
  private final MicrosoftProperties.Presence settings;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("teams-presence-timer").daemon(true).factory());
  private final ExecutorService reads =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("teams-presence-", 0).factory());

  TeamsPresenceFeeds(MicrosoftConnection microsoft, MicrosoftProperties.Presence settings) {
    this.microsoft = microsoft;
    this.settings = settings;
  }

  /** A new feed, not started, telling {@code listener} every change. */
  PresenceFeed create(PresenceListener listener) {
    URI url = microsoft.publicUrl(TeamsPresenceRouting.NOTIFICATION_PATH);
    SubscriptionSettings subscriptions =
        new SubscriptionSettings(
            url,
            url,
            settings.renewalLead(),
            SubscriptionSettings.defaults(url, url).expiryMargin(),
            settings.subscriptionRetryDelay());
    PollingSettings polling =
        new PollingSettings(
            settings.silenceWindow(),
            settings.pollInterval(),
            PollingSettings.DEFAULT.requestsPerWindow(),
            PollingSettings.DEFAULT.throttleWindow());
    return new PresenceFeed(
        microsoft.presence(),
        subscriptions,
        polling,
        microsoft.clock(),
        PresenceScheduler.onVirtualThreads(timer),
        reads,
        listener);
  }

  /** Runs {@code task} after {@code delay} on the timer thread; nothing once closed. */
  void later(Duration delay, Runnable task) {
    try {
      timer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closed) {
      // shutting down
    }
  }

  /** Stops the timers and the reads in progress; close the feeds first. */
  @Override
  public void close() {
    timer.shutdownNow();
    reads.shutdownNow();
  }
}
