package io.tandem.emulator.graph.calls;

import io.tandem.emulator.http.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code resultInfo} values the emulator sends. Codes from Microsoft's "call end reason codes"
 * table (call-delete.md) and the transfer examples (call-transfer.md); the few Microsoft does not
 * document are marked as the emulator's choice and listed in {@code emulator/docs/graph-calls.md}.
 */
final class ResultInfos {

  private ResultInfos() {}

  static ObjectNode of(int code, int subcode, String message) {
    ObjectNode info = Json.object();
    info.put("@odata.type", "#microsoft.graph.resultInfo");
    info.put("code", code);
    info.put("subcode", subcode);
    info.put("message", message);
    return info;
  }

  /** An operation that completed. */
  static ObjectNode completed() {
    return of(200, 0, "Action completed successfully.");
  }

  /** The bot hung up (DELETE). */
  static ObjectNode endedByBot() {
    return of(200, 5001, "The conversation has ended.");
  }

  /** The PSTN caller hung up. */
  static ObjectNode endedByPstnUser() {
    return of(200, 540000, "Call ended by the PSTN User.");
  }

  /** The Teams user at the other end of a peer-to-peer call hung up. */
  static ObjectNode endedByPeer() {
    return of(200, 4521, "Call ended by the other participant in peer-to-peer call.");
  }

  /** No keepAlive within the expiry. */
  static ObjectNode keepAliveTimeout() {
    return of(408, 8537, "Keep Alive timeout, cleaned up inactive call.");
  }

  /** The bot did not answer, reject or redirect in time. */
  static ObjectNode notAnsweredInTime() {
    return of(
        408,
        1106,
        "An acknowledgement was not received for the call acceptance in the allotted time.");
  }

  /** The callee rang out. */
  static ObjectNode notReached() {
    return of(480, 10076, "Callee could not be reached.");
  }

  /** The callee declined (emulator's choice: SIP's 603). */
  static ObjectNode declined() {
    return of(603, 0, "The callee declined the call.");
  }

  /** The callee was busy (emulator's choice: SIP's 486). */
  static ObjectNode busy() {
    return of(486, 0, "The callee is busy.");
  }

  /** A blind transfer completed (call-transfer.md). */
  static ObjectNode transferCompleted() {
    return of(0, 7015, "GracefulTransferCompleted");
  }

  /** A transfer failed; the call is back to established (call-transfer.md). */
  static ObjectNode transferFailed(boolean consultative, String why) {
    return of(500, consultative ? 7700 : 7000, why);
  }

  /** The bot rejected the incoming call (emulator's choice of subcode). */
  static ObjectNode rejected(String reason) {
    return of(200, 7000, "The call was rejected by the bot: " + reason + ".");
  }

  /** The bot redirected the incoming call (emulator's choice of subcode). */
  static ObjectNode redirected() {
    return of(200, 7000, "The call was redirected by the bot.");
  }

  /** A prompt or recording cancelled by cancelMediaProcessing (call-cancelmediaprocessing.md). */
  static ObjectNode cancelled() {
    return of(400, 8508, "Action failed, the operation was cancelled.");
  }

  /**
   * A prompt could not be fetched: the media platform's 8536 "File Download Failed", worded as ACS
   * words it, with the URI and the reason (emulator's choice; Graph documents no example).
   */
  static ObjectNode promptUnavailable(String uri, String why) {
    return of(400, 8536, "Action failed, file could not be downloaded: " + uri + " (" + why + ").");
  }
}
