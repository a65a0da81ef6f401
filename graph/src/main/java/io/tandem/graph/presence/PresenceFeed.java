package io.tandem.graph.presence;

import io.tandem.graph.client.GraphClient;
import io.tandem.graph.client.GraphException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the Teams presence of a set of users current and tells a {@link PresenceListener} every
 * change. The path, in order:
 *
 * <ol>
 *   <li>{@link #start}: subscribe first ({@link PresenceSubscriptions}), then read everyone ({@link
 *       PresenceReader}) — in this order no change can fall between the read and the subscription;
 *   <li>{@link #received}: a notification names users; they are re-read (basic notifications carry
 *       no presence), coalesced while a read is running; lifecycle events go to the subscriptions;
 *   <li>a subscription re-created or a {@code missed} event: its users are re-read;
 *   <li>silence: when no notification has come for {@code silenceWindow}, everyone is re-read every
 *       poll interval ({@link PollingSettings#intervalFor}), until a notification arrives.
 * </ol>
 *
 * <p>Reads are serialised by one lock, so a later read is always applied after an earlier one and a
 * presence never goes back in time. A read that fails is tried again after the poll interval. Where
 * Graph refuses presence subscriptions to an app (MICROSOFT-CONTRACTS §2.5 [verify]), creating them
 * keeps failing and is retried, and the feed lives on polling.
 *
 * <p>Threading: {@link #start} and {@link #close} block the caller for Graph requests; {@link
 * #received} never blocks — re-reads run on {@code work} and polls and renewals on the {@link
 * PresenceScheduler}; the listener is called on whichever of those threads did the read.
 */
public final class PresenceFeed implements AutoCloseable {

  private static final Logger LOG = System.getLogger(PresenceFeed.class.getName());

  private final PresenceReader reader;
  private final PresenceSubscriptions subscriptions;
  private final PollingSettings polling;
  private final Clock clock;
  private final PresenceScheduler scheduler;
  private final Executor work;
  private final PresenceListener listener;
  private final Map<String, TeamsPresence> known = new ConcurrentHashMap<>();
  private final ReentrantLock reading = new ReentrantLock();
  private final Set<String> pending = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean draining = new AtomicBoolean();
  private final AtomicBoolean started = new AtomicBoolean();
  private final Set<String> failedReads = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean retryScheduled = new AtomicBoolean();
  private volatile Map<String, String> watched = Map.of();
  private volatile Instant lastHeard;
  private volatile PresenceScheduler.@Nullable Scheduled pollTimer;
  private volatile boolean closed;

  public PresenceFeed(
      GraphClient graph,
      SubscriptionSettings subscriptionSettings,
      PollingSettings polling,
      Clock clock,
      PresenceScheduler scheduler,
      Executor work,
      PresenceListener listener) {
    this.reader = new PresenceReader(graph);
    this.subscriptions =
        new PresenceSubscriptions(graph, subscriptionSettings, clock, scheduler, this::reread);
    this.polling = polling;
    this.clock = clock;
    this.scheduler = scheduler;
    this.work = work;
    this.listener = listener;
    this.lastHeard = clock.instant();
  }

  /**
   * Watches {@code userIds}: subscribes, reads everyone (each user's first presence is a {@link
   * PresenceChanged}) and starts the silence watch. Call once, with the notification endpoint
   * already answering.
   *
   * @throws IllegalStateException when called a second time
   */
  public void start(Collection<String> userIds) {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("a presence feed starts once");
    }
    Map<String, String> byLowerCase = new LinkedHashMap<>();
    userIds.forEach(id -> byLowerCase.putIfAbsent(lower(id), id));
    watched = Map.copyOf(byLowerCase);
    subscriptions.watch(byLowerCase.values());
    lastHeard = clock.instant();
    Set<String> everyone = new LinkedHashSet<>(byLowerCase.values());
    if (!refresh(everyone)) {
      retryLater(everyone);
    }
    schedulePoll();
  }

  /**
   * Takes what the notification endpoint parsed. Refused items are only logged; accepted ones end
   * any silence.
   */
  public void received(ReceivedNotifications notifications) {
    notifications
        .refusals()
        .forEach(refused -> LOG.log(Level.WARNING, () -> "dropped notification: " + refused));
    if (!notifications.anyAccepted()) {
      return;
    }
    lastHeard = clock.instant();
    Set<String> changed = new LinkedHashSet<>();
    for (String id : notifications.changedUserIds()) {
      String ours = watched.get(lower(id));
      if (ours != null) {
        changed.add(ours);
      }
    }
    reread(changed);
    for (LifecycleEvent event : notifications.lifecycleEvents()) {
      work.execute(() -> subscriptions.handle(event));
    }
  }

  /** The check the notification endpoint gives {@link PresenceNotifications#parse}. */
  public ClientStateCheck clientStates() {
    return subscriptions;
  }

  /** The subscriptions, for health pages and tests. */
  public PresenceSubscriptions subscriptions() {
    return subscriptions;
  }

  /** The presence last read for {@code userId}. */
  public Optional<TeamsPresence> presenceOf(String userId) {
    String ours = watched.get(lower(userId));
    return ours == null ? Optional.empty() : Optional.ofNullable(known.get(ours));
  }

  /** Stops polling and deletes the subscriptions. */
  @Override
  public void close() {
    closed = true;
    PresenceScheduler.Scheduled timer = pollTimer;
    if (timer != null) {
      timer.cancel();
    }
    subscriptions.close();
  }

  /** Queues {@code userIds} for a re-read on {@code work}; never blocks. */
  private void reread(Set<String> userIds) {
    if (userIds.isEmpty() || closed) {
      return;
    }
    pending.addAll(userIds);
    if (draining.compareAndSet(false, true)) {
      work.execute(this::drain);
    }
  }

  private void drain() {
    while (true) {
      Set<String> batch = new LinkedHashSet<>();
      for (String id : pending) {
        if (pending.remove(id)) {
          batch.add(id);
        }
      }
      if (batch.isEmpty()) {
        draining.set(false);
        if (pending.isEmpty() || !draining.compareAndSet(false, true)) {
          return;
        }
        continue;
      }
      if (!refresh(batch)) {
        retryLater(batch);
      }
    }
  }

  /**
   * Re-reads {@code userIds} after the poll interval; one retry waits at a time, collecting ids.
   */
  private void retryLater(Set<String> userIds) {
    failedReads.addAll(userIds);
    if (retryScheduled.compareAndSet(false, true)) {
      scheduler.schedule(
          polling.pollInterval(),
          () -> {
            retryScheduled.set(false);
            Set<String> again = new LinkedHashSet<>();
            for (String id : failedReads) {
              if (failedReads.remove(id)) {
                again.add(id);
              }
            }
            reread(again);
          });
    }
  }

  /** Reads {@code userIds} and publishes what changed; false when Graph could not be read. */
  private boolean refresh(Set<String> userIds) {
    reading.lock();
    try {
      reader.read(userIds, this::apply);
      return true;
    } catch (GraphException refused) {
      LOG.log(Level.WARNING, () -> "presence read failed: " + refused.getMessage());
      return false;
    } finally {
      reading.unlock();
    }
  }

  private void apply(Map<String, TeamsPresence> presences) {
    Instant observedAt = clock.instant();
    presences.forEach(
        (id, presence) -> {
          if (!presence.equals(known.put(id, presence))) {
            try {
              listener.presenceChanged(new PresenceChanged(id, presence, observedAt));
            } catch (RuntimeException broken) {
              LOG.log(Level.ERROR, "presence listener failed", broken);
            }
          }
        });
  }

  private void schedulePoll() {
    if (closed) {
      return;
    }
    Duration interval = polling.intervalFor(watched.size());
    pollTimer = scheduler.schedule(interval, this::pollIfSilent);
  }

  private void pollIfSilent() {
    if (closed) {
      return;
    }
    Duration silent = Duration.between(lastHeard, clock.instant());
    if (silent.compareTo(polling.silenceWindow()) >= 0) {
      LOG.log(Level.DEBUG, () -> "no notification for " + silent + ", polling");
      refresh(new LinkedHashSet<>(watched.values())); // if it fails, the next poll is the retry
    }
    schedulePoll();
  }

  private static String lower(String id) {
    return id.toLowerCase(Locale.ROOT);
  }
}
