package io.tandem.sip.b2bua;

import io.tandem.core.callcontrol.CallActionRefused;
import io.tandem.core.callcontrol.CallTarget;
import io.tandem.core.time.Timer;
import io.tandem.sip.stack.InboundRequest;
import io.tandem.sip.stack.SipHeader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
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

  /**
   * Carries out {@code refer}, sent on {@code agent}: reads it, calls its target as {@code other}
   * (heard by {@code listener}, {@code unanswered} after the ring limit) and accepts it; null when
   * it was refused (bad Refer-To, no trunk or media), with the call as it was.
   */
  static @Nullable TeamsTransfer start(
      AgentLeg agent,
      InboundRequest refer,
      ThirdParty other,
      AgentLegListener listener,
      Consumer<AgentLeg> unanswered) {
    TeamsRefer read;
    try {
      read = TeamsRefer.read(refer, "pstnhub.invalid");
      other.dial(callTarget(read), read, listener, unanswered);
    } catch (TeamsRefer.Refused refused) {
      refuse(agent, refer, refused.status(), refused.reason(), refused.getMessage());
      return null;
    } catch (CallActionRefused cannot) {
      refuse(agent, refer, 603, "Decline", cannot.getMessage());
      return null;
    }
    accept(agent, refer);
    return new TeamsTransfer(agent, read);
  }

  /** The target as the domain names it. */
  String target() {
    return refer.target();
  }

  /** Accepts {@code refer}, sent on {@code agent}: 202, then the first NOTIFY (100 Trying). */
  private static void accept(AgentLeg agent, InboundRequest refer) {
    agent.respond(refer, 202, "Accepted", List.of(agent.contact()));
    notify(agent, refer.cseq(), "100 Trying", false);
  }

  /** Refuses {@code refer}, sent on {@code agent}; the call stays as it is. */
  static void refuse(AgentLeg agent, InboundRequest refer, int status, String reason, String why) {
    agent.respond(
        refer, status, reason, List.of(SipHeader.of("Warning", "399 tandem \"" + why + "\"")));
  }

  /**
   * Reports the progress of the call a REFER asked for (RFC 3515 §2.4.4): a NOTIFY of the refer
   * subscription {@code eventId} with {@code statusLine} as message/sipfrag; {@code last} ends the
   * subscription. Nothing is sent once the agent leg has ended.
   */
  private static void notify(AgentLeg agent, long eventId, String statusLine, boolean last) {
    agent.sendInDialog(
        "NOTIFY",
        notify ->
            notify
                .header("Event", "refer;id=" + eventId)
                .header(
                    "Subscription-State",
                    last ? "terminated;reason=noresource" : "active;expires=60")
                .body("message/sipfrag;version=2.0", "SIP/2.0 " + statusLine + "\r\n"));
  }

  /** The target as a call-control target; null when it is neither a number nor a Teams user. */
  private static @Nullable CallTarget callTarget(TeamsRefer refer) {
    try {
      return CallTarget.parse(refer.target());
    } catch (IllegalArgumentException notOne) {
      return null;
    }
  }

  /** The target answered: the final NOTIFY says 200, and the agent leg must go. */
  void completed(ConnectContext context, String lane) {
    notify(agent, refer.eventId(), "200 OK", true);
    leave = context.after(LEAVE_LIMIT, lane, agent::hangUp);
  }

  /** The target was not reached ({@code status}: its final status, 408 for no answer). */
  void failed(int status) {
    notify(agent, refer.eventId(), status + " " + REASONS.getOrDefault(status, "Failed"), true);
  }

  /** The agent leg is gone: no BYE to send any more. */
  void agentGone() {
    leave.cancel();
  }
}
