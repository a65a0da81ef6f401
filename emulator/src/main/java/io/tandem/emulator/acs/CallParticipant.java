package io.tandem.emulator.acs;

import tools.jackson.databind.node.ObjectNode;

/** A {@code CallParticipant}: who, and whether muted or on hold. */
record CallParticipant(CommunicationIdentifier identifier, boolean isMuted, boolean isOnHold) {

  CallParticipant muted(boolean value) {
    return new CallParticipant(identifier, value, isOnHold);
  }

  CallParticipant onHold(boolean value) {
    return new CallParticipant(identifier, isMuted, value);
  }

  ObjectNode toJson() {
    ObjectNode json = io.tandem.emulator.http.Json.object();
    json.set("identifier", identifier.toJson());
    json.put("isMuted", isMuted);
    json.put("isOnHold", isOnHold);
    return json;
  }
}
