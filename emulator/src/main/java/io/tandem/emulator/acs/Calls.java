package io.tandem.emulator.acs;

import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Journal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The live calls of the emulated Call Automation: incoming calls by correlation id while they ring,
 * call connections by id until they disconnect. A disconnected call is forgotten, so later requests
 * about it get 404 as ACS gives for calls that ended.
 */
final class Calls {

  private final Map<String, IncomingCall> ringing = new ConcurrentHashMap<>();
  private final Map<String, AcsCall> connections = new ConcurrentHashMap<>();
  private final Journal journal;

  Calls(Journal journal) {
    this.journal = journal;
  }

  void ringing(IncomingCall call) {
    ringing.put(call.correlationId(), call);
  }

  Optional<IncomingCall> incoming(String correlationId) {
    return Optional.ofNullable(ringing.get(correlationId));
  }

  void stopRinging(IncomingCall call) {
    ringing.remove(call.correlationId());
  }

  void connected(AcsCall call) {
    connections.put(call.id(), call);
  }

  /** The call connection {@code id} of {@code request}'s resource, or 404. */
  AcsCall connection(AcsRequest request, String id) {
    AcsCall call = connections.get(id);
    if (call == null || !call.resource().id().equals(request.resource().id())) {
      throw AcsErrors.notFound("Call connection " + id + " was not found.");
    }
    return call;
  }

  /**
   * The call connection of {@code request}'s resource with {@code serverCallId} (the one that
   * answered or created the call, if it is still on it), or 404.
   */
  AcsCall byServerCallId(AcsRequest request, String serverCallId) {
    return onServerCall(request, serverCallId)
        .orElseThrow(
            () -> AcsErrors.notFound("No call with serverCallId " + serverCallId + " was found."));
  }

  /** Like {@link #byServerCallId}, empty when there is no such call. */
  Optional<AcsCall> onServerCall(AcsRequest request, String serverCallId) {
    return connections.values().stream()
        .filter(call -> call.serverCallId().equals(serverCallId))
        .filter(call -> call.resource().id().equals(request.resource().id()))
        .min(java.util.Comparator.comparing(call -> call.isRoot() ? 0 : 1));
  }

  Optional<AcsCall> connection(String id) {
    return Optional.ofNullable(connections.get(id));
  }

  int size() {
    return connections.size();
  }

  /**
   * Forgets a call that never connected (CreateCallFailed was sent instead of CallDisconnected).
   */
  void forget(AcsCall call) {
    call.moveTo(CallConnectionState.DISCONNECTED);
    connections.remove(call.id());
  }

  /** Connected: CallConnected, then the roster, to this connection. */
  void connect(AcsCall call, @Nullable String operationContext) {
    if (call.moveTo(CallConnectionState.CONNECTED)) {
      call.emit("CallConnected", operationContext, ResultInformation.CALL_CONNECTED);
      call.reportRoster();
    }
  }

  /** The PSTN caller of {@code call} hung up. */
  void callerHungUp(AcsCall call) {
    ScriptedCaller scripted = call.roster().caller();
    if (scripted != null) {
      participantLeft(call, CommunicationIdentifier.fromRawId(scripted.rawId()));
    }
  }

  /**
   * A participant left: the roster shrinks and every connection hears it; with nobody left but the
   * applications, the call ends.
   */
  void participantLeft(AcsCall call, CommunicationIdentifier who) {
    if (!call.roster().remove(who.rawId())) {
      return;
    }
    call.roster().removeLeg(who.rawId());
    if (call.roster().participants().isEmpty()) {
      disconnect(call.root(), ResultInformation.CALL_ENDED);
    } else {
      call.participantsUpdated();
    }
  }

  /**
   * Ends {@code call} for the application: CallDisconnected, state {@code disconnected}, and the
   * call forgotten; the connections that joined it by connect end with it. Does nothing if it
   * already ended.
   */
  void disconnect(AcsCall call, ResultInformation result) {
    List<AcsCall> joiners = call.isRoot() ? call.joiners() : List.of();
    if (call.moveTo(CallConnectionState.DISCONNECTED)) {
      call.emit("CallDisconnected", null, null, result, data -> {});
      connections.remove(call.id());
      journal.event(
          Channel.ACS, "call.disconnected", call.id(), Map.of("reason", result.message()));
    }
    joiners.forEach(joiner -> disconnect(joiner, result));
  }
}
