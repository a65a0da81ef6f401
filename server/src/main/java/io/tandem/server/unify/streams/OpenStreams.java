package io.tandem.server.unify.streams;

import io.tandem.acs.streams.MediaSession;
import io.tandem.acs.streams.MediaStreamStats;
import io.tandem.acs.streams.StreamSession;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The sessions open on one stream endpoint, by WebSocket session id. Thread-safe. */
public final class OpenStreams {

  private final Map<String, StreamSession> sessions = new ConcurrentHashMap<>();

  void opened(String socketId, StreamSession session) {
    sessions.put(socketId, session);
  }

  void closed(String socketId) {
    sessions.remove(socketId);
  }

  /** How many connections are open now. */
  public int count() {
    return sessions.size();
  }

  /** The sessions open now for {@code callConnectionId} (usually one). */
  public List<StreamSession> of(String callConnectionId) {
    return sessions.values().stream()
        .filter(session -> session.callConnectionId().equals(callConnectionId))
        .toList();
  }

  /** The counts of the media sessions open now for {@code callConnectionId}. */
  public List<MediaStreamStats.Snapshot> mediaStats(String callConnectionId) {
    return of(callConnectionId).stream()
        .filter(MediaSession.class::isInstance)
        .map(session -> ((MediaSession) session).stats().snapshot())
        .toList();
  }
}
