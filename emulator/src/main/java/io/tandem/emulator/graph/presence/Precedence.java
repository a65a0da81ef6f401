package io.tandem.emulator.graph.presence;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a user's presence is aggregated from their sessions (presence-setpresence.md, "Presence
 * sessions"): a user-configured (preferred) presence beats every session, but takes effect only
 * while at least one session is signed in (otherwise the user shows {@code Offline}); among
 * sessions the higher {@link Availability#rank()} wins (DoNotDisturb &gt; Busy &gt; Available &gt;
 * Away), and between equal ranks the session set most recently.
 */
public final class Precedence {

  /** One session's current state and when it was last set. */
  public record Session(PresenceState state, Instant since) {
    boolean signedIn() {
      return state.availability() != Availability.Offline
          && state.availability() != Availability.PresenceUnknown;
    }
  }

  private static final Comparator<Session> STRONGER =
      Comparator.comparingInt((Session s) -> s.state().availability().rank())
          .thenComparing(Session::since);

  private Precedence() {}

  /** The user's presence given their sessions and preferred presence. */
  public static PresenceState aggregate(List<Session> sessions, @Nullable PresenceState preferred) {
    boolean signedIn = sessions.stream().anyMatch(Session::signedIn);
    if (preferred != null && signedIn) {
      return preferred;
    }
    return sessions.stream().max(STRONGER).map(Session::state).orElse(PresenceState.OFFLINE);
  }
}
