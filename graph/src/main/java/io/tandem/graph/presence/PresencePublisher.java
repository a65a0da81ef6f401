package io.tandem.graph.presence;

import io.tandem.graph.client.GraphClient;
import io.tandem.graph.client.GraphException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes Tandem's presence session for Teams users: {@code POST /users/{id}/presence/setPresence}
 * ({@code sessionId} = the app's id) while a user is {@link SessionPresence#IN_A_CALL}, {@code
 * clearPresence} once they are {@link SessionPresence#CLEARED}. Graph aggregates the session with
 * the user's own (their own configured presence beats it; among sessions Busy beats Available).
 *
 * <p>{@link #want} only records the wish; one writer at a time sends what differs from what was
 * last written, so a burst of changes for one user costs one request (the latest wish wins, and an
 * older request never lands after a newer one). A flush sends clears first (they free agents for
 * routing), then sets, then refreshes of sessions whose {@code expiration} is within {@code
 * refreshLead}; at most {@code requestsPerWindow} requests per {@code window}, the rest waiting for
 * the next window. Tokens, 5xx and 429 {@code Retry-After} are the {@link GraphClient}'s; a request
 * that still fails is tried again after {@code retryDelay}. A clear answered 404 (no session, e.g.
 * expired) is done.
 *
 * <p>A user's first wish is always sent, even {@code CLEARED}: a session a previous run left behind
 * is cleared.
 *
 * <p>Threading: {@link #want} never blocks (any thread); flushes run on {@code work}, timed ones
 * (refreshes, the next window, retries) are started by the {@link PresenceScheduler}; a flush holds
 * one lock while it sends. Time comes only from the injected {@link Clock}.
 */
public final class PresencePublisher implements AutoCloseable {

  private static final Logger LOG = System.getLogger(PresencePublisher.class.getName());
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One user's session: what Tandem wants, and what Graph was last told (null: not yet). */
  private static final class Session {
    final String userId;
    volatile SessionPresence wanted = SessionPresence.CLEARED;
    @Nullable SessionPresence written;
    Instant refreshAt = Instant.MAX;
    Instant retryAt = Instant.MIN;

    Session(String userId) {
      this.userId = userId;
    }
  }

  private final GraphClient graph;
  private final PublishSettings settings;
  private final Clock clock;
  private final PresenceScheduler scheduler;
  private final Executor work;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final ReentrantLock flushing = new ReentrantLock();
  private final AtomicBoolean flushQueued = new AtomicBoolean();
  private Instant windowStart = Instant.MIN;
  private int sentInWindow;
  private volatile boolean closed;

  public PresencePublisher(
      GraphClient graph,
      PublishSettings settings,
      Clock clock,
      PresenceScheduler scheduler,
      Executor work) {
    this.graph = graph;
    this.settings = settings;
    this.clock = clock;
    this.scheduler = scheduler;
    this.work = work;
  }

  /** Tandem wants {@code userId}'s session to show {@code presence}; never blocks. */
  public void want(String userId, SessionPresence presence) {
    Session session = sessions.computeIfAbsent(lower(userId), id -> new Session(userId));
    session.wanted = presence;
    flushSoon();
  }

  /** What Graph was last told for {@code userId}, if anything was written yet. */
  public Optional<SessionPresence> written(String userId) {
    flushing.lock();
    try {
      Session session = sessions.get(lower(userId));
      return session == null ? Optional.empty() : Optional.ofNullable(session.written);
    } finally {
      flushing.unlock();
    }
  }

  /** Stops writing; sessions left set expire at Graph after {@code expiration}. */
  @Override
  public void close() {
    closed = true;
  }

  private void flushSoon() {
    if (!closed && flushQueued.compareAndSet(false, true)) {
      work.execute(
          () -> {
            flushQueued.set(false);
            flush();
          });
    }
  }

  private void flushLater(Duration delay) {
    if (!closed) {
      scheduler.schedule(delay, this::flushSoon);
    }
  }

  /** Sends what differs, clears first, within the rate; the lock keeps one writer. */
  private void flush() {
    flushing.lock();
    try {
      Instant now = clock.instant();
      for (Session session : due(now)) {
        if (closed) {
          return;
        }
        if (!spend(now)) {
          flushLater(Duration.between(now, windowStart.plus(settings.window())));
          return;
        }
        write(session, now);
      }
    } finally {
      flushing.unlock();
    }
  }

  /** The sessions to write now, clears before sets before refreshes. */
  private List<Session> due(Instant now) {
    List<Session> clears = new ArrayList<>();
    List<Session> sets = new ArrayList<>();
    List<Session> refreshes = new ArrayList<>();
    for (Session session : sessions.values()) {
      if (now.isBefore(session.retryAt)) {
        continue;
      }
      SessionPresence wanted = session.wanted;
      if (wanted != session.written) {
        (wanted == SessionPresence.CLEARED ? clears : sets).add(session);
      } else if (wanted == SessionPresence.IN_A_CALL && !now.isBefore(session.refreshAt)) {
        refreshes.add(session);
      }
    }
    clears.addAll(sets);
    clears.addAll(refreshes);
    return clears;
  }

  private boolean spend(Instant now) {
    if (!now.isBefore(windowStart.plus(settings.window()))) {
      windowStart = now;
      sentInWindow = 0;
    }
    if (sentInWindow >= settings.requestsPerWindow()) {
      return false;
    }
    sentInWindow++;
    return true;
  }

  private void write(Session session, Instant now) {
    SessionPresence wanted = session.wanted;
    String path = "/users/" + session.userId + "/presence/";
    ObjectNode body = JSON.createObjectNode().put("sessionId", settings.sessionId());
    try {
      if (wanted == SessionPresence.IN_A_CALL) {
        body.put("availability", wanted.availability())
            .put("activity", wanted.activity())
            .put("expirationDuration", settings.expiration().toString());
        graph.post(path + "setPresence", body);
        session.refreshAt = now.plus(settings.expiration()).minus(settings.refreshLead());
        flushLater(settings.expiration().minus(settings.refreshLead()));
      } else {
        clear(path, body);
        session.refreshAt = Instant.MAX;
      }
      session.written = wanted;
    } catch (GraphException refused) {
      LOG.log(
          Level.WARNING,
          () -> "presence session of " + session.userId + " not written: " + refused.getMessage());
      session.retryAt = now.plus(settings.retryDelay());
      flushLater(settings.retryDelay());
    }
  }

  private void clear(String path, ObjectNode body) throws GraphException {
    try {
      graph.post(path + "clearPresence", body);
    } catch (GraphException refused) {
      if (refused.status() != 404) {
        throw refused;
      }
    }
  }

  private static String lower(String id) {
    return id.toLowerCase(Locale.ROOT);
  }
}
