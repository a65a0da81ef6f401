package io.tandem.emulator.teams;

import io.tandem.emulator.journal.Journal;
import io.tandem.emulator.time.Scheduler;
import io.tandem.emulator.world.TeamsUser;
import io.tandem.emulator.world.World;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulated Teams clients of every user in the world. A channel (Direct Routing, Graph, ACS)
 * offers a call to a user here and hears back through its {@link OfferListener}; the clients keep
 * count of each user's connected calls and tell {@link TeamsActivityListener}s, so presence follows
 * calls.
 */
public final class TeamsClients {

  private final World world;
  private final Scheduler scheduler;
  private final Journal journal;
  private final Map<String, AtomicInteger> activeCalls = new ConcurrentHashMap<>();
  private final List<TeamsActivityListener> activityListeners = new CopyOnWriteArrayList<>();

  public TeamsClients(World world, Scheduler scheduler, Journal journal) {
    this.world = world;
    this.scheduler = scheduler;
    this.journal = journal;
  }

  /**
   * Rings {@code user}'s Teams client with call {@code callId}; it behaves as the user's current
   * {@link io.tandem.emulator.world.ClientBehaviour} says.
   */
  public TeamsOffer offer(TeamsUser user, String callId, OfferListener listener) {
    TeamsUser current = world.user(user.id()).orElse(user);
    boolean[] connected = new boolean[1];
    TeamsOffer offer =
        new TeamsOffer(
            callId,
            current.id(),
            java.util.Objects.requireNonNull(current.client()),
            listener,
            scheduler,
            journal,
            () -> {
              connected[0] = true;
              changeActiveCalls(current.id(), +1);
            },
            () -> {
              if (connected[0]) {
                connected[0] = false;
                changeActiveCalls(current.id(), -1);
              }
            });
    offer.start();
    return offer;
  }

  /** How many connected calls {@code userId} has now. */
  public int activeCalls(String userId) {
    AtomicInteger count = activeCalls.get(key(userId));
    return count == null ? 0 : count.get();
  }

  public void addActivityListener(TeamsActivityListener listener) {
    activityListeners.add(listener);
  }

  private void changeActiveCalls(String userId, int delta) {
    int now = activeCalls.computeIfAbsent(key(userId), id -> new AtomicInteger()).addAndGet(delta);
    activityListeners.forEach(l -> l.activeCallsChanged(userId, Math.max(0, now)));
  }

  private static String key(String userId) {
    return userId.toLowerCase(java.util.Locale.ROOT);
  }
}
