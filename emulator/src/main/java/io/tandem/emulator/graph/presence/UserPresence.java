package io.tandem.emulator.graph.presence;

import io.tandem.emulator.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One user's presence: the sessions behind it (their Teams client, the client's call in progress,
 * each app's session), the preferred presence, the status message, and the aggregate Graph shows.
 * Every change runs under this object's lock and publishes a {@link PresenceChange} when the
 * aggregate's availability or activity changed, in order.
 */
final class UserPresence {

  /** How long an Available app session stays fresh before each fading stage. */
  static final Duration FADE_AFTER = Duration.ofMinutes(5);

  private final String tenantId;
  private final String userId;
  private final Scheduler scheduler;
  private final Consumer<PresenceChange> publish;
  private final Map<String, AppSession> appSessions = new LinkedHashMap<>();
  private PresenceState client = PresenceState.AVAILABLE;
  private Instant clientSince = Instant.EPOCH;
  private @Nullable Instant callSince;
  private @Nullable PresenceState preferred;
  private Scheduler.@Nullable Timer preferredExpiry;
  private @Nullable JsonNode statusMessage;
  private Scheduler.@Nullable Timer statusMessageExpiry;
  private PresenceState shown = PresenceState.AVAILABLE;
  private long sequence = 1;

  UserPresence(
      String tenantId, String userId, Scheduler scheduler, Consumer<PresenceChange> publish) {
    this.tenantId = tenantId;
    this.userId = userId;
    this.scheduler = scheduler;
    this.publish = publish;
  }

  /** What Graph shows now. */
  synchronized PresenceView view() {
    return new PresenceView(userId, shown, statusMessage, sequence);
  }

  /** The Teams client shows {@code state} (scripted); {@code Offline} means signed out. */
  synchronized void scriptClient(PresenceState state) {
    client = state;
    clientSince = scheduler.now();
    recompute("client");
  }

  /** The Teams client has {@code activeCalls} connected calls. */
  synchronized void callsChanged(int activeCalls) {
    if (activeCalls > 0 && callSince == null) {
      callSince = scheduler.now();
      recompute("call");
    } else if (activeCalls == 0 && callSince != null) {
      callSince = null;
      recompute("call");
    }
  }

  /** Creates or refreshes app session {@code sessionId}. */
  synchronized void setAppSession(String sessionId, PresenceState state, Duration expiration) {
    AppSession session = appSessions.get(sessionId);
    if (session == null) {
      session = new AppSession();
      appSessions.put(sessionId, session);
    }
    session.cancelTimers();
    move(session, SessionStage.ACTIVE);
    session.set = state;
    session.since = scheduler.now();
    AppSession refreshed = session;
    refreshed.expiry = scheduler.schedule(expiration, () -> endAppSession(sessionId, refreshed));
    if (state.availability() == Availability.Available) {
      refreshed.fade = scheduler.schedule(FADE_AFTER, () -> fade(refreshed));
    }
    recompute("setPresence");
  }

  /** Ends app session {@code sessionId}; false if there was none. */
  synchronized boolean clearAppSession(String sessionId) {
    AppSession session = appSessions.remove(sessionId);
    if (session == null) {
      return false;
    }
    session.cancelTimers();
    session.stage = SessionStage.ENDED;
    recompute("clearPresence");
    return true;
  }

  synchronized void setPreferred(PresenceState state, Duration expiration) {
    cancel(preferredExpiry);
    preferred = state;
    preferredExpiry = scheduler.schedule(expiration, this::expirePreferred);
    recompute("preferred");
  }

  synchronized void clearPreferred() {
    cancel(preferredExpiry);
    preferredExpiry = null;
    preferred = null;
    recompute("preferred");
  }

  /** Sets (or with null, clears) the status message; it lapses after {@code expiresIn}. */
  synchronized void setStatusMessage(@Nullable JsonNode message, @Nullable Duration expiresIn) {
    cancel(statusMessageExpiry);
    statusMessageExpiry = null;
    statusMessage = message;
    sequence++;
    if (message != null && expiresIn != null) {
      statusMessageExpiry = scheduler.schedule(expiresIn, () -> setStatusMessage(null, null));
    }
  }

  private synchronized void fade(AppSession session) {
    if (appSessions.containsValue(session) && session.stage == SessionStage.ACTIVE) {
      move(session, SessionStage.INACTIVE);
      session.fade = scheduler.schedule(FADE_AFTER, () -> fadeToAway(session));
      recompute("fade");
    }
  }

  private synchronized void fadeToAway(AppSession session) {
    if (appSessions.containsValue(session) && session.stage == SessionStage.INACTIVE) {
      move(session, SessionStage.AWAY);
      recompute("fade");
    }
  }

  private synchronized void endAppSession(String sessionId, AppSession session) {
    if (appSessions.get(sessionId) == session) {
      appSessions.remove(sessionId);
      session.cancelTimers();
      move(session, SessionStage.ENDED);
      recompute("expiry");
    }
  }

  private synchronized void expirePreferred() {
    preferred = null;
    preferredExpiry = null;
    recompute("expiry");
  }

  private static void move(AppSession session, SessionStage next) {
    if (!session.stage.canMoveTo(next)) {
      throw new IllegalStateException("app session cannot move " + session.stage + " → " + next);
    }
    session.stage = next;
  }

  private void recompute(String cause) {
    List<Precedence.Session> sessions = new ArrayList<>();
    sessions.add(new Precedence.Session(client, clientSince));
    if (callSince != null) {
      sessions.add(new Precedence.Session(PresenceState.IN_A_CALL, callSince));
    }
    appSessions
        .values()
        .forEach(s -> sessions.add(new Precedence.Session(s.stage.shows(s.set), s.since)));
    PresenceState now = Precedence.aggregate(sessions, preferred);
    if (!now.equals(shown)) {
      PresenceState before = shown;
      shown = now;
      sequence++;
      publish.accept(
          new PresenceChange(tenantId, userId, before, now, scheduler.now(), sequence, cause));
    }
  }

  private static void cancel(Scheduler.@Nullable Timer timer) {
    if (timer != null) {
      timer.cancel();
    }
  }

  /** An app's presence session for this user; guarded by the enclosing user's lock. */
  private static final class AppSession {
    SessionStage stage = SessionStage.ACTIVE;
    PresenceState set = PresenceState.AVAILABLE;
    Instant since = Instant.EPOCH;
    Scheduler.@Nullable Timer fade;
    Scheduler.@Nullable Timer expiry;

    void cancelTimers() {
      cancel(fade);
      cancel(expiry);
      fade = null;
      expiry = null;
    }
  }
}
