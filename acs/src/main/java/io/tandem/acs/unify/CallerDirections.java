package io.tandem.acs.unify;

import io.tandem.acs.client.AcsException;
import io.tandem.acs.client.Identifier;
import io.tandem.acs.client.Transfer;
import io.tandem.acs.events.CallEvent;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import org.jspecify.annotations.Nullable;

/**
 * What the domain tells a caller's connection to do, from the tenant's events: forward it to a
 * number or Teams user, record a voicemail ({@link CallerVoicemail}), end it (the flow ended, the
 * interaction failed, a callback was chosen, the agent app hung up), or let the queue side act
 * (offers, music). Runs on the call's lane.
 */
final class CallerDirections {

  private static final System.Logger LOG = System.getLogger(CallerDirections.class.getName());
  private static final String FORWARDED = "forwarded:";

  private final CallerConnection call;
  private final CallerQueue queue;
  private final CallRecording recording;
  private final CallerVoicemail voicemail;

  CallerDirections(
      CallerConnection call,
      CallerQueue queue,
      CallRecording recording,
      CallerVoicemail voicemail) {
    this.call = call;
    this.queue = queue;
    this.recording = recording;
    this.voicemail = voicemail;
  }

  void on(TenantEvent event) {
    switch (event) {
      case InteractionEvent.Ended ended when ended.reason().startsWith(FORWARDED) ->
          forward(ended.reason().substring(FORWARDED.length()));
      case InteractionEvent.Ended ended -> call.hangUp();
      case InteractionEvent.Failed failed -> call.hangUp();
      case InteractionEvent.Abandoned abandoned -> call.hangUp();
      case InteractionEvent.CallbackRequested callback -> call.hangUp();
      case InteractionEvent.Disconnected disconnected -> call.hangUp();
      case InteractionEvent.VoicemailStarted started when voicemail.available() -> record(started);
      case InteractionEvent.VoicemailStarted started -> {
        LOG.log(System.Logger.Level.WARNING, "no voicemail store here; the call is ended");
        call.hangUp();
        InteractionId id = call.interaction();
        if (id != null) {
          call.tell(tenant -> tenant.customerHungUp(id));
        }
      }
      case InteractionEvent e
          when call.state() == CallerConnectionState.IN_FLOW
              || call.state() == CallerConnectionState.QUEUED ->
          queue.event(e);
      default -> {
        // Nothing to do on the wire.
      }
    }
  }

  /** A callback the call's own state machine does not decide on. */
  void callEvent(CallEvent event) {
    if (event instanceof CallEvent.RecordingUpdate update) {
      recording.update(update);
    } else if (event instanceof CallEvent.StreamUpdate update
        && update.status().toLowerCase(java.util.Locale.ROOT).endsWith("failed")) {
      LOG.log(
          System.Logger.Level.WARNING,
          "{0} on {1}: {2}",
          update.type(),
          update.callConnectionId(),
          update.details());
    }
  }

  /** With an agent, whoever leaves the call ends it for the other. */
  void rosterChanged(CallRoster roster, @Nullable AgentInvitation agent) {
    InteractionId id = call.interaction();
    if (call.state() != CallerConnectionState.WITH_AGENT || agent == null || id == null) {
      return;
    }
    AgentTalk talk = call.withAgent().talk();
    if (talk != null && talk.left(roster)) {
      return;
    }
    if (!roster.contains(call.incoming().fromRawId())) {
      call.tell(tenant -> tenant.customerHungUp(id));
      call.hangUp();
    } else if (!roster.contains(agent.identity().rawId())) {
      call.tell(tenant -> tenant.agentHungUp(id));
      call.hangUp();
    }
  }

  private void record(InteractionEvent.VoicemailStarted started) {
    if (call.state() != CallerConnectionState.IN_FLOW
        && call.state() != CallerConnectionState.QUEUED) {
      return;
    }
    call.silence(false);
    call.move(CallerConnectionState.VOICEMAIL);
    voicemail.start(started.mailbox(), call.serverCallId());
  }

  private void forward(String number) {
    if (call.state() != CallerConnectionState.IN_FLOW
        && call.state() != CallerConnectionState.QUEUED) {
      return;
    }
    call.silence(false);
    call.move(CallerConnectionState.FORWARDING);
    Identifier target =
        number.startsWith("+") ? new Identifier.Phone(number) : new Identifier.TeamsUser(number);
    try {
      call.context()
          .acs()
          .transferToParticipant(
              call.connectionId(), new Transfer(target, null, null, null, "forward"));
    } catch (AcsException | RuntimeException failed) {
      LOG.log(System.Logger.Level.WARNING, "could not forward " + call.connectionId(), failed);
      call.hangUp();
    }
  }
}
