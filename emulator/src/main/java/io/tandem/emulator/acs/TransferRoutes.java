package io.tandem.emulator.acs;

import io.tandem.emulator.http.HttpReply;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Journal;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * TransferToParticipant: the call is {@code transferring} while the target rings (with the custom
 * calling context); the target answers → CallTransferAccepted and the application's call ends; it
 * declines, is busy or does not answer within {@link #TRANSFER_TIMEOUT} → CallTransferFailed and
 * the call is connected again. The default transferee is the PSTN caller.
 */
final class TransferRoutes {

  /** How long a transfer target rings before CallTransferFailed. */
  static final Duration TRANSFER_TIMEOUT = Duration.ofSeconds(60);

  private final Calls calls;
  private final Ringer ringer;
  private final TeamsExtensionAssignments assignments;
  private final Journal journal;

  TransferRoutes(
      Calls calls, Ringer ringer, TeamsExtensionAssignments assignments, Journal journal) {
    this.calls = calls;
    this.ringer = ringer;
    this.assignments = assignments;
    this.journal = journal;
  }

  HttpReply transfer(AcsRequest request) {
    AcsCall call = connected(request, "TransferToParticipant");
    RequestBody body = request.body();
    CommunicationIdentifier target =
        CommunicationIdentifier.parse(body.object("targetParticipant"));
    assignments.requireAllowed(request, target, "targetParticipant");
    RequestBody transfereeBody = body.optionalObject("transferee");
    CommunicationIdentifier transferee;
    if (transfereeBody != null) {
      transferee = CommunicationIdentifier.parse(transfereeBody);
      MediaRoutes.requireParticipant(call, transferee, "transferee");
    } else if (call.roster().caller() != null) {
      transferee = CommunicationIdentifier.fromRawId(call.roster().caller().rawId());
    } else {
      transferee = call.roster().participants().get(0).identifier();
    }
    String context = body.optionalText("operationContext");
    URI callback = body.optionalUri("operationCallbackUri");
    CustomContext custom = CustomContext.parse(body, "customCallingContext");
    RequestBody callerId = body.optionalObject("sourceCallerIdNumber");
    String fromNumber =
        transferee.isPhone()
            ? transferee.phoneNumber()
            : callerId != null ? callerId.text("value") : null;
    if (!call.moveTo(CallConnectionState.TRANSFERRING)) {
      throw AcsErrors.illegalState(
          "TransferToParticipant is not allowed while the call is "
              + call.state().wireName()
              + ".");
    }
    Map<String, String> transferring = new java.util.HashMap<>(custom.journalAttributes());
    transferring.putAll(Map.of("target", target.rawId(), "transferee", transferee.rawId()));
    journal.event(Channel.ACS, "call.transferring", call.id(), transferring);
    ringer.ring(
        call.id(),
        target,
        new Ringer.Offer(fromNumber, custom),
        TRANSFER_TIMEOUT,
        new Ringer.Listener() {
          @Override
          public void answered(Ringer.Ring leg) {
            call.emit(
                "CallTransferAccepted",
                callback,
                context,
                ResultInformation.OK,
                data -> {
                  data.set("transferTarget", target.toJson());
                  data.set("transferee", transferee.toJson());
                });
            ScriptedCaller caller = call.roster().caller();
            if (caller != null) {
              caller.reachedPerson();
            }
            call.moveTo(CallConnectionState.TRANSFER_ACCEPTED);
            calls.disconnect(call, ResultInformation.CALL_ENDED);
            calls.disconnect(call.root(), ResultInformation.CALL_ENDED);
          }

          @Override
          public void failed(ResultInformation reason) {
            call.emit("CallTransferFailed", callback, context, reason, data -> {});
            call.moveTo(CallConnectionState.CONNECTED);
          }
        });
    return HttpReply.json(202, MediaRoutes.operationContext(context));
  }

  private AcsCall connected(AcsRequest request, String action) {
    AcsCall call = calls.connection(request, request.variable("callConnectionId"));
    call.requireConnected(action);
    return call;
  }
}
