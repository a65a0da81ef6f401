package io.tandem.graph.extend;

import io.tandem.core.agent.AgentEvent;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.graph.calls.GraphTarget;
import io.tandem.graph.client.GraphException;

/**
 * What the domain tells a caller's call to do, from the tenant's events: forward it to a number,
 * record a voicemail ({@link CallerVoicemail}), hang it up (the flow ended, the interaction failed,
 * a callback was chosen), or let the queue side act (offers, music, the agent's presence). Runs on
 * the call's lane.
 */
final class CallerDirections {

  private static final System.Logger LOG = System.getLogger(CallerDirections.class.getName());

  private final CallerCall call;
  private final CallerQueue queue;
  private final CallerVoicemail voicemail;

  CallerDirections(CallerCall call, CallerQueue queue, CallerVoicemail voicemail) {
    this.call = call;
    this.queue = queue;
    this.voicemail = voicemail;
  }

  void on(TenantEvent event) {
    switch (event) {
      case AgentEvent.PresenceChanged presence ->
          queue.handOver().agentPresence(presence.availability());
      case InteractionEvent.Ended ended when ended.reason().startsWith("forwarded:") ->
          forward(ended.reason().substring("forwarded:".length()));
      case InteractionEvent.Ended ended -> hangUpUnlessHandedOver();
      case InteractionEvent.Failed failed -> hangUpUnlessHandedOver();
      case InteractionEvent.Abandoned abandoned -> hangUpUnlessHandedOver();
      case InteractionEvent.CallbackRequested callback -> hangUpUnlessHandedOver();
      case InteractionEvent.VoicemailStarted started when voicemail.available() -> record(started);
      case InteractionEvent.VoicemailStarted started -> {
        LOG.log(
            System.Logger.Level.WARNING,
            "no voicemail store for this bot; call {0} is ended",
            call.callId());
        hangUpUnlessHandedOver();
        InteractionId id = call.interaction();
        if (id != null) {
          call.tell(tenant -> tenant.customerHungUp(id));
        }
      }
      case InteractionEvent.Disconnected disconnected -> queue.handOver().agentCallEnded();
      case InteractionEvent e
          when call.state() == CallerCallState.IN_FLOW
              || call.state() == CallerCallState.QUEUED
              || call.state() == CallerCallState.CONNECTING
              || call.state() == CallerCallState.WITH_AGENT ->
          queue.event(e);
      default -> {
        // Nothing to do on the wire.
      }
    }
  }

  private void record(InteractionEvent.VoicemailStarted started) {
    if (call.state() != CallerCallState.IN_FLOW && call.state() != CallerCallState.QUEUED) {
      return;
    }
    call.silence(false);
    call.move(CallerCallState.VOICEMAIL);
    voicemail.start(started.mailbox());
  }

  private void forward(String number) {
    if (call.state() != CallerCallState.IN_FLOW && call.state() != CallerCallState.QUEUED) {
      return;
    }
    call.silence(false);
    call.move(CallerCallState.FORWARDING);
    try {
      GraphTarget target =
          number.startsWith("+")
              ? new GraphTarget.Phone(number)
              : new GraphTarget.TeamsUser(number, number);
      call.context().graph().transfer(call.callId(), target, null);
    } catch (GraphException | RuntimeException failed) {
      LOG.log(System.Logger.Level.WARNING, "could not forward call " + call.callId(), failed);
      call.hangUp();
    }
  }

  private void hangUpUnlessHandedOver() {
    if (call.state() != CallerCallState.HANDED_OVER && call.state() != CallerCallState.PASSED_ON) {
      call.hangUp();
    }
  }
}
