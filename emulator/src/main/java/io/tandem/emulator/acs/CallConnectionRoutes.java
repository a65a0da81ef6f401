package io.tandem.emulator.acs;

import io.tandem.emulator.http.HttpReply;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Journal;
import java.util.Map;

/** Get, hang up (leave) and terminate (end for all) a call connection. */
final class CallConnectionRoutes {

  private final Calls calls;
  private final Journal journal;

  CallConnectionRoutes(Calls calls, Journal journal) {
    this.calls = calls;
    this.journal = journal;
  }

  HttpReply get(AcsRequest request) {
    return HttpReply.json(
        200, calls.connection(request, request.variable("callConnectionId")).toJson());
  }

  /**
   * DELETE: the application leaves; with two or more other participants, they talk on. A connection
   * made by connect leaves alone.
   */
  HttpReply hangUp(AcsRequest request) {
    AcsCall call = calls.connection(request, request.variable("callConnectionId"));
    boolean othersStay = !call.isRoot() || call.roster().participants().size() >= 2;
    journal.event(
        Channel.ACS, othersStay ? "call.applicationLeft" : "call.hungUp", call.id(), Map.of());
    if (!othersStay) {
      call.roster().removeLegs().forEach(Ringer.Ring::hangUp);
    }
    calls.disconnect(call, ResultInformation.CALL_ENDED);
    return HttpReply.empty(204);
  }

  /** Ends the call for everyone, every connection to it included. */
  HttpReply terminate(AcsRequest request) {
    AcsCall call = calls.connection(request, request.variable("callConnectionId"));
    journal.event(Channel.ACS, "call.terminated", call.id(), Map.of());
    call.roster().removeLegs().forEach(Ringer.Ring::hangUp);
    calls.disconnect(call, ResultInformation.CALL_ENDED);
    calls.disconnect(call.root(), ResultInformation.CALL_ENDED);
    return HttpReply.empty(204);
  }
}
