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
  /**
   * Stay-in-call mode: the agent was invited into the caller's call and the bot stays in it, acting
   * for the agent ({@link CallerTalk}).
   */
  WITH_AGENT,
  /**
   * Stay-in-call mode: the agent handed the caller on to someone the bot invited and left; the bot
   * keeps the call alive until one of the two leaves.
   */
  PASSED_ON,
  /** The caller talks to the agent in Teams; the bot is out of the call. */
  HANDED_OVER,
  /** Over for the bot. */
  ENDED;

  private static final Map<CallerCallState, Set<CallerCallState>> MOVES =
      Map.ofEntries(
          Map.entry(INCOMING, EnumSet.of(ANSWERED, ENDED)),
          Map.entry(ANSWERED, EnumSet.of(IN_FLOW, ENDED)),
          Map.entry(IN_FLOW, EnumSet.of(QUEUED, FORWARDING, VOICEMAIL, ENDED)),
          Map.entry(QUEUED, EnumSet.of(CONNECTING, WITH_AGENT, FORWARDING, VOICEMAIL, ENDED)),
          Map.entry(WITH_AGENT, EnumSet.of(QUEUED, PASSED_ON, ENDED)),
          Map.entry(PASSED_ON, EnumSet.of(ENDED)),
          Map.entry(VOICEMAIL, EnumSet.of(ENDED)),
          Map.entry(FORWARDING, EnumSet.of(ENDED)),
          Map.entry(CONNECTING, EnumSet.of(HANDED_OVER, QUEUED, ENDED)),
          Map.entry(HANDED_OVER, EnumSet.of(ENDED)),
          Map.entry(ENDED, EnumSet.noneOf(CallerCallState.class)));

  boolean canMoveTo(CallerCallState next) {
    return MOVES.get(this).contains(next);
  }
}
