package io.tandem.acs.unify;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where a caller's call connection is, as the application sees it. */
enum CallerConnectionState {
  /** The IncomingCall event came; the answer is on its way. */
  INCOMING,
  /** Answered; waiting for {@code CallConnected}. */
  ANSWERED,
  /** Connected; the virtual assistant runs. */
  IN_FLOW,
  /** Waiting for an agent with music on hold; invitations may ring agents. */
  QUEUED,
  /**
   * An agent joined; caller and agent talk, the application listens and carries out the agent's
   * requests ({@link AgentTalk}); a transfer to a queue makes the call {@link #QUEUED} again.
   */
  WITH_AGENT,
  /** Sent to voicemail: the caller is recorded, then the application leaves the call. */
  VOICEMAIL,
  /** The flow or queue sends the caller to a number or user outside Tandem; being transferred. */
  FORWARDING,
  /** Over for the application. */
  ENDED;

  private static final Map<CallerConnectionState, Set<CallerConnectionState>> MOVES =
      Map.of(
          INCOMING, EnumSet.of(ANSWERED, ENDED),
          ANSWERED, EnumSet.of(IN_FLOW, ENDED),
          IN_FLOW, EnumSet.of(QUEUED, FORWARDING, VOICEMAIL, ENDED),
          QUEUED, EnumSet.of(WITH_AGENT, FORWARDING, VOICEMAIL, ENDED),
          VOICEMAIL, EnumSet.of(ENDED),
          WITH_AGENT, EnumSet.of(QUEUED, ENDED),
          FORWARDING, EnumSet.of(ENDED),
          ENDED, EnumSet.noneOf(CallerConnectionState.class));

  boolean canMoveTo(CallerConnectionState next) {
    return MOVES.get(this).contains(next);
  }
}
