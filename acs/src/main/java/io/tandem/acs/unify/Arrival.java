package io.tandem.acs.unify;

import io.tandem.acs.events.IncomingCall;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How an answered call arrives in the tenant: who called ({@code +E164}, else the raw id), which
 * resource account, and the attributes that tie the interaction to its call connection (the model,
 * the connection and correlation ids, and the SBC's custom SIP headers as {@code sip.*}).
 */
record Arrival(String from, String to, Map<String, String> attributes) {

  Arrival {
    attributes = Map.copyOf(attributes);
  }

  static Arrival of(IncomingCall incoming, @Nullable String connectionId) {
    String from = incoming.callerNumber() != null ? incoming.callerNumber() : incoming.fromRawId();
    String to =
        incoming.resourceAccountId() != null ? incoming.resourceAccountId() : incoming.toRawId();
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put(UnifyCalls.MODEL_ATTRIBUTE, UnifyCalls.UNIFY_MODEL);
    if (connectionId != null) {
      attributes.put(UnifyCalls.CONNECTION_ATTRIBUTE, connectionId);
    }
    if (incoming.correlationId() != null) {
      attributes.put(UnifyCalls.CORRELATION_ATTRIBUTE, incoming.correlationId());
    }
    incoming.sipHeaders().forEach((name, value) -> attributes.put("sip." + name, value));
    return new Arrival(from, to, attributes);
  }
}
