package io.tandem.sip.b2bua;

import io.tandem.core.callcontrol.CallTarget;
import io.tandem.core.time.Timer;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A transfer the agent started in Teams, with Tandem as the transferee of Teams' REFER on the agent
 * leg (RFC 5589 §6, MICROSOFT-CONTRACTS §1.5): the REFER was accepted (202 and {@code 100 Trying}),
 * the new call's outcome goes back in the final NOTIFY; once the target answered, Teams (the
 * transferor) ends the agent leg with BYE, and Tandem sends BYE itself if Teams has not after
 * {@link #LEAVE_LIMIT}. Runs on the call's lane.
 */
final class TeamsTransfer {

  /** How long Teams may keep the agent leg after the final NOTIFY of a completed transfer. */
  static final Duration LEAVE_LIMIT = Duration.ofSeconds(32);

  private static final Map<Integer, String> REASONS =
      Map.of(
          404, "Not Found",
          408, "Request Timeout",
          480, "Temporarily Unavailable",
          486, "Busy Here",
          487, "Request Terminated",
          488, "Not Acceptable Here",
          503, "Service Unavailable",
          603, "Decline");

  private final AgentLeg agent;
  private final TeamsRefer refer;
  private Timer leave = Timer.NONE;

  TeamsTransfer(AgentLeg agent, TeamsRefer refer) {
    this.agent = agent;
    this.refer = refer;
  }

  /** The target as a call-control target; null when it is neither a number nor a Teams user. */
  static @Nullable CallTarget callTarget(TeamsRefer refer) {
    try {
      return CallTarget.parse(refer.target());
    } catch (IllegalArgumentException notOne) {
      return null;
    }
  }

  /** The target answered: the final NOTIFY says 200, and the agent leg must go. */
  void completed(ConnectContext context, String lane) {
    agent.notifyReferral(refer.eventId(), "200 OK", true);
    leave = context.after(LEAVE_LIMIT, lane, agent::hangUp);
  }

  /** The target was not reached ({@code status}: its final status, 408 for no answer). */
  void failed(int status) {
    agent.notifyReferral(
        refer.eventId(), status + " " + REASONS.getOrDefault(status, "Failed"), true);
  }

  /** The agent leg is gone: no BYE to send any more. */
  void agentGone() {
    leave.cancel();
  }
}
