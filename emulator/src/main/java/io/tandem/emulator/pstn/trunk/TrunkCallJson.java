package io.tandem.emulator.pstn.trunk;

import io.tandem.emulator.http.Json;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Journal;
import io.tandem.emulator.journal.JournalEntry;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A trunk call in the control API's JSON: the summary the list shows, and the full view with the
 * SIP history (each message the carrier sent or received for the call, from the journal: time,
 * direction, request method or status line), the digits sent, the sentences said, the transfer, the
 * caller's media and what the caller heard.
 */
final class TrunkCallJson {

  private static final int MAX_HISTORY = 500;

  private TrunkCallJson() {}

  static ObjectNode summary(TrunkCallSnapshot call) {
    ObjectNode json = Json.object();
    json.put("callId", call.callId());
    json.put("terminator", "trunk");
    json.put("trunk", call.trunk());
    json.put("from", call.from());
    json.put("to", call.to());
    json.put("state", call.state().name());
    json.put("endReason", call.endReason() == null ? null : call.endReason().name());
    json.put("finalResponse", call.finalResponse());
    json.put("dialledAt", call.dialledAt().toString());
    json.put("answeredAt", text(call.answeredAt()));
    json.put("endedAt", text(call.endedAt()));
    return json;
  }

  static ObjectNode write(TrunkCallSnapshot call, Journal journal) {
    ObjectNode json = summary(call);
    json.put("requestUri", call.requestUri());
    json.put("transport", call.transport());
    json.put("earlyMedia", call.earlyMedia());
    json.set("sip", history(call.callId(), journal));
    StringBuilder digits = new StringBuilder();
    ArrayNode pressed = Json.array();
    for (TrunkCallSnapshot.Pressed key : call.digitsSent()) {
      digits.append(key.digit());
      pressed.addObject().put("at", key.at().toString()).put("digit", String.valueOf(key.digit()));
    }
    json.put("digitsSent", digits.toString());
    json.set("keys", pressed);
    ArrayNode said = json.putArray("said");
    call.said().forEach(s -> said.addObject().put("at", s.at().toString()).put("text", s.text()));
    TrunkCallSnapshot.Transfer transfer = call.transfer();
    if (transfer != null) {
      json.putObject("transfer")
          .put("referTo", transfer.referTo())
          .put("target", transfer.target())
          .put("emulated", transfer.emulated())
          .put("newCallId", transfer.newCallId())
          .put("status", transfer.status() == 0 ? null : transfer.status());
    }
    json.putObject("media")
        .put("remote", call.media().remote())
        .put("law", call.media().law())
        .put("held", call.media().held())
        .put("packetsSent", call.media().packetsSent());
    HeardAudio.Stats heard = call.heard();
    json.putObject("heard")
        .put("packets", heard.packets())
        .put("audioSeconds", heard.audioSeconds())
        .put("soundSeconds", heard.soundSeconds())
        .put("rfc4733Digits", heard.rfc4733Digits())
        .put("inbandDigits", heard.inbandDigits())
        .put("keptSeconds", heard.keptSeconds());
    return json;
  }

  private static ArrayNode history(String callId, Journal journal) {
    List<JournalEntry> entries =
        journal.after(
            0,
            e ->
                e.channel() == Channel.SIP
                    && callId.equals(e.callId())
                    && e.direction() != io.tandem.emulator.journal.Direction.EVENT,
            MAX_HISTORY);
    ArrayNode history = Json.array();
    for (JournalEntry entry : entries) {
      history
          .addObject()
          .put("at", entry.time().toString())
          .put("direction", entry.direction().name().toLowerCase(java.util.Locale.ROOT))
          .put("message", firstLine(entry));
    }
    return history;
  }

  private static String firstLine(JournalEntry entry) {
    String body = entry.body();
    if (body == null || body.isEmpty()) {
      return entry.kind();
    }
    int end = body.indexOf('\r');
    String line = end < 0 ? body : body.substring(0, end);
    if (line.startsWith("SIP/2.0 ")) {
      return line.substring("SIP/2.0 ".length());
    }
    return entry.kind();
  }

  private static @Nullable String text(@Nullable Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
