package io.tandem.graph.extend;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where a caller's Graph call is, as the bot sees it. */
enum CallerCallState {
  /** Notified; the answer is on its way. */
  INCOMING,
  /** Answered; waiting for {@code established}. */
  ANSWERED,
  /** Established; the virtual assistant runs. */
  IN_FLOW,
  /** Waiting for an agent, hearing music on hold; offers may ring agents. */
  QUEUED,
  /** An agent answered; the caller's call is being transferred onto the agent's. */
  CONNECTING,
  /** The flow or queue sends the caller to a number or user outside Tandem; being transferred. */
  FORWARDING,
  /** Sent to voicemail: the caller is recorded, then the bot hangs up. */
  VOICEMAIL,
  /** The caller talks to the agent in Teams; the bot is out of the call. */
  HANDED_OVER,
  /** Over for the bot. */
  ENDED;

  private static final Map<CallerCallState, Set<CallerCallState>> MOVES =
      Map.of(
          INCOMING, EnumSet.of(ANSWERED, ENDED),
          ANSWERED, EnumSet.of(IN_FLOW, ENDED),
          IN_FLOW, EnumSet.of(QUEUED, FORWARDING, VOICEMAIL, ENDED),
          QUEUED, EnumSet.of(CONNECTING, FORWARDING, VOICEMAIL, ENDED),
          VOICEMAIL, EnumSet.of(ENDED),
          FORWARDING, EnumSet.of(ENDED),
          CONNECTING, EnumSet.of(HANDED_OVER, QUEUED, ENDED),
          HANDED_OVER, EnumSet.of(ENDED),
          ENDED, EnumSet.noneOf(CallerCallState.class));

  boolean canMoveTo(CallerCallState next) {
    return MOVES.get(this).contains(next);
  }
}
