package io.tandem.emulator.graph.presence;

import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Journal;
import io.tandem.emulator.teams.TeamsActivityListener;
import io.tandem.emulator.time.Scheduler;
import io.tandem.emulator.world.EmulatedTenant;
import io.tandem.emulator.world.World;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The presence of every Teams user in the world. Each user starts signed in on their Teams client
 * as Available/Available; their presence follows their calls (Busy/InACall while connected), their
 * scripted client state, and what apps set through Graph. Every change is journaled (channel GRAPH,
 * kind {@code presence.changed}, at the emulator's clock) and told to {@link PresenceListener}s.
 */
public final class PresenceBoard implements TeamsActivityListener {

  private final World world;
  private final Scheduler scheduler;
  private final Journal journal;
  private final Map<String, UserPresence> users = new ConcurrentHashMap<>();
  private final List<PresenceListener> listeners = new CopyOnWriteArrayList<>();

  public PresenceBoard(World world, Scheduler scheduler, Journal journal) {
    this.world = world;
    this.scheduler = scheduler;
    this.journal = journal;
  }

  public void addListener(PresenceListener listener) {
    listeners.add(listener);
  }

  /** The presence of {@code userId} if that user is a Teams user of {@code tenantId}. */
  public Optional<PresenceView> presence(String tenantId, String userId) {
    return user(tenantId, userId).map(UserPresence::view);
  }

  /** Whether {@code userId} is a Teams user of {@code tenantId}. */
  public boolean knows(String tenantId, String userId) {
    return world.user(tenantId, userId).isPresent();
  }

  public void setAppSession(
      String tenantId, String userId, String sessionId, PresenceState state, Duration expiration) {
    require(tenantId, userId).setAppSession(sessionId, state, expiration);
  }

  /** Ends an app session; false if the user had none with that id. */
  public boolean clearAppSession(String tenantId, String userId, String sessionId) {
    return require(tenantId, userId).clearAppSession(sessionId);
  }

  public void setPreferred(
      String tenantId, String userId, PresenceState state, Duration expiration) {
    require(tenantId, userId).setPreferred(state, expiration);
  }

  public void clearPreferred(String tenantId, String userId) {
    require(tenantId, userId).clearPreferred();
  }

  public void setStatusMessage(
      String tenantId, String userId, @Nullable JsonNode message, @Nullable Duration expiresIn) {
    require(tenantId, userId).setStatusMessage(message, expiresIn);
  }

  /**
   * Scripts what {@code userId}'s own Teams client shows (any tenant); {@code Offline} signs the
   * client out. Returns the user's presence after the change, or empty for an unknown user.
   */
  public Optional<PresenceView> scriptClient(String userId, PresenceState state) {
    Optional<UserPresence> user = anyTenant(userId);
    user.ifPresent(u -> u.scriptClient(state));
    return user.map(UserPresence::view);
  }

  @Override
  public void activeCallsChanged(String userId, int activeCalls) {
    anyTenant(userId).ifPresent(u -> u.callsChanged(activeCalls));
  }

  private Optional<UserPresence> anyTenant(String userId) {
    return world.tenantOfUser(userId).map(EmulatedTenant::id).flatMap(t -> user(t, userId));
  }

  private UserPresence require(String tenantId, String userId) {
    return user(tenantId, userId)
        .orElseThrow(() -> new IllegalArgumentException("no Teams user " + userId));
  }

  private Optional<UserPresence> user(String tenantId, String userId) {
    return world
        .user(tenantId, userId)
        .map(
            known ->
                users.computeIfAbsent(
                    known.id().toLowerCase(Locale.ROOT),
                    key -> new UserPresence(tenantId, known.id(), scheduler, this::publish)));
  }

  private void publish(PresenceChange change) {
    journal.event(
        Channel.GRAPH,
        "presence.changed",
        null,
        Map.of(
            "tenant", change.tenantId(),
            "user", change.userId(),
            "availability", change.after().availability().name(),
            "activity", change.after().activity().name(),
            "before", change.before().toString(),
            "sequence", Long.toString(change.sequence()),
            "cause", change.cause(),
            "at", change.at().toString()));
    listeners.forEach(l -> l.presenceChanged(change));
  }
}
