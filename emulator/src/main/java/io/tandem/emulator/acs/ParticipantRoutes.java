package io.tandem.emulator.acs;

import io.tandem.emulator.http.HttpReply;
import io.tandem.emulator.http.Json;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Journal;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Participants of a call connection: list, get, add, remove, mute, cancel add. Adding a Teams user
 * or Teams extension user rings their simulated Teams client; adding a resource account linked to
 * ACS rings its application with the custom calling context.
 */
final class ParticipantRoutes {

  /** The invitation timeout when a request gives none. */
  static final int DEFAULT_INVITATION_TIMEOUT_SECONDS = 60;

  private record Invitation(
      Ringer.Ring ring, @Nullable String operationContext, @Nullable URI callback) {}

  private final Calls calls;
  private final Ringer ringer;
  private final TeamsExtensionAssignments assignments;
  private final Journal journal;
  private final Map<String, Invitation> invitations = new ConcurrentHashMap<>();

  ParticipantRoutes(
      Calls calls, Ringer ringer, TeamsExtensionAssignments assignments, Journal journal) {
    this.calls = calls;
    this.ringer = ringer;
    this.assignments = assignments;
    this.journal = journal;
  }

  HttpReply list(AcsRequest request) {
    AcsCall call = calls.connection(request, request.variable("callConnectionId"));
    var body = Json.object();
    var value = body.putArray("value");
    call.roster().participants().forEach(p -> value.add(p.toJson()));
    return HttpReply.json(200, body);
  }

  HttpReply get(AcsRequest request) {
    AcsCall call = calls.connection(request, request.variable("callConnectionId"));
    String rawId = request.variable("participantRawId");
    return call.roster()
        .participant(rawId)
        .map(p -> HttpReply.json(200, p.toJson()))
        .orElseThrow(
            () ->
                AcsErrors.notFound("Participant " + rawId + " is not in call " + call.id() + "."));
  }

  HttpReply add(AcsRequest request) {
    AcsCall call = connected(request, "AddParticipant");
    RequestBody body = request.body();
    CommunicationIdentifier who = CommunicationIdentifier.parse(body.object("participantToAdd"));
    int timeout =
        body.integer("invitationTimeoutInSeconds", 0, 180, DEFAULT_INVITATION_TIMEOUT_SECONDS);
    if (who.isPhone() && !body.has("sourceCallerIdNumber")) {
      throw AcsErrors.badRequest(
          "sourceCallerIdNumber",
          "The sourceCallerIdNumber field is required to add a phone number.");
    }
    assignments.requireAllowed(request, who, "participantToAdd");
    if (call.roster().participant(who.rawId()).isPresent()) {
      throw AcsErrors.badRequest(
          "participantToAdd", "The participant " + who.rawId() + " is already in the call.");
    }
    String context = body.optionalText("operationContext");
    URI callback = body.optionalUri("operationCallbackUri");
    CustomContext custom = CustomContext.parse(body, "customCallingContext");
    RequestBody callerId = body.optionalObject("sourceCallerIdNumber");
    String fromNumber = callerId != null ? callerId.text("value") : callerNumber(call);
    String invitationId = UUID.randomUUID().toString();
    String key = call.id() + "|" + invitationId;
    Map<String, String> inviting = new java.util.HashMap<>(custom.journalAttributes());
    inviting.putAll(Map.of("participant", who.rawId(), "invitationId", invitationId));
    journal.event(Channel.ACS, "participant.inviting", call.id(), inviting);
    Ringer.Ring ring =
        ringer.ring(
            call.id(),
            who,
            new Ringer.Offer(fromNumber, custom),
            Duration.ofSeconds(timeout),
            new Ringer.Listener() {
              @Override
              public void answered(Ringer.Ring leg) {
                invitations.remove(key);
                if (call.state() == CallConnectionState.DISCONNECTED) {
                  leg.hangUp();
                  return;
                }
                call.roster().add(who);
                call.roster().leg(who.rawId(), leg);
                call.emit(
                    "AddParticipantSucceeded",
                    callback,
                    context,
                    ResultInformation.OK,
                    data -> data.set("participant", who.toJson()));
                call.participantsUpdated();
                ScriptedCaller caller = call.roster().caller();
                if (caller != null) {
                  caller.reachedPerson();
                }
              }

              @Override
              public void failed(ResultInformation reason) {
                invitations.remove(key);
                call.emit(
                    "AddParticipantFailed",
                    callback,
                    context,
                    reason,
                    data -> data.set("participant", who.toJson()));
              }

              @Override
              public void hungUp() {
                calls.participantLeft(call, who);
              }
            });
    invitations.put(key, new Invitation(ring, context, callback));
    call.whenDisconnected(
        () -> {
          if (invitations.remove(key) != null) {
            ring.cancel();
          }
        });
    var reply = Json.object();
    reply.set("participant", new CallParticipant(who, false, false).toJson());
    if (context != null) {
      reply.put("operationContext", context);
    }
    reply.put("invitationId", invitationId);
    return HttpReply.json(202, reply);
  }

  HttpReply cancelAdd(AcsRequest request) {
    AcsCall call = connected(request, "CancelAddParticipant");
    RequestBody body = request.body();
    String invitationId = body.text("invitationId");
    String context = body.optionalText("operationContext");
    URI callback = body.optionalUri("operationCallbackUri");
    Invitation invitation = invitations.remove(call.id() + "|" + invitationId);
    if (invitation != null && invitation.ring().cancel()) {
      call.emit(
          "CancelAddParticipantSucceeded",
          callback,
          context,
          ResultInformation.OK,
          data -> data.put("invitationId", invitationId));
    } else {
      call.emit(
          "CancelAddParticipantFailed",
          callback,
          context,
          new ResultInformation(
              400, 8522, "The invitation could not be canceled: it is unknown or already ended."),
          data -> data.put("invitationId", invitationId));
    }
    var reply = MediaRoutes.operationContext(context);
    reply.put("invitationId", invitationId);
    return HttpReply.json(202, reply);
  }

  HttpReply remove(AcsRequest request) {
    AcsCall call = connected(request, "RemoveParticipant");
    RequestBody body = request.body();
    CommunicationIdentifier who = CommunicationIdentifier.parse(body.object("participantToRemove"));
    MediaRoutes.requireParticipant(call, who, "participantToRemove");
    String context = body.optionalText("operationContext");
    URI callback = body.optionalUri("operationCallbackUri");
    call.roster().removeLeg(who.rawId()).ifPresent(Ringer.Ring::hangUp);
    call.emit(
        "RemoveParticipantSucceeded",
        callback,
        context,
        ResultInformation.OK,
        data -> data.set("participant", who.toJson()));
    calls.participantLeft(call, who);
    return HttpReply.json(202, MediaRoutes.operationContext(context));
  }

  HttpReply mute(AcsRequest request) {
    AcsCall call = connected(request, "Mute");
    RequestBody body = request.body();
    for (RequestBody target : body.array("targetParticipants")) {
      CommunicationIdentifier who = CommunicationIdentifier.parse(target);
      if (!who.kind().equals(CommunicationIdentifier.ACS_USER)) {
        throw AcsErrors.badRequest(
            "targetParticipants",
            "Only Communication Services users can be muted; "
                + who.rawId()
                + " is a "
                + who.kind()
                + ".");
      }
      MediaRoutes.requireParticipant(call, who, "targetParticipants");
      call.roster().change(who.rawId(), p -> p.muted(true));
    }
    call.participantsUpdated();
    return HttpReply.json(200, MediaRoutes.operationContext(body.optionalText("operationContext")));
  }

  /** The PSTN caller's number, if the call has one. */
  private static @Nullable String callerNumber(AcsCall call) {
    ScriptedCaller caller = call.roster().caller();
    return caller == null ? null : caller.rawId().substring("4:".length());
  }

  private AcsCall connected(AcsRequest request, String action) {
    AcsCall call = calls.connection(request, request.variable("callConnectionId"));
    call.requireConnected(action);
    return call;
  }
}
