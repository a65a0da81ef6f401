package io.tandem.emulator.acs;

import io.tandem.emulator.http.HttpReply;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Journal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Connect ({@code POST /calling/callConnections:connect}): a new call connection to an ongoing call
 * found by its {@code callLocator}. The reply is 200 with the connection in state {@code
 * connecting}; CallConnected and ParticipantsUpdated follow, as after answer. A {@code
 * serverCallLocator} finds a call of the same resource that is connected (its serverCallId is the
 * one the IncomingCall carried, or the one createCall returned); the emulator holds no group calls
 * or rooms, so a {@code groupCallLocator} or {@code roomCallLocator}, like an unknown serverCallId,
 * gets ConnectFailed (404/8522) after the 200, as Microsoft documents, and the connection is
 * forgotten. A malformed locator is refused with 400.
 */
final class ConnectRoutes {

  /** ConnectFailed's resultInformation: Call Automation's "resource not found" code pair. */
  static final ResultInformation CALL_NOT_FOUND =
      new ResultInformation(404, 8522, "The call to connect to was not found.");

  private final Calls calls;
  private final CallServices services;
  private final CallStreams streams;
  private final Journal journal;

  ConnectRoutes(Calls calls, CallServices services, CallStreams streams) {
    this.calls = calls;
    this.services = services;
    this.streams = streams;
    this.journal = services.journal();
  }

  HttpReply connect(AcsRequest request) {
    RequestBody body = request.body();
    Locator locator = Locator.parse(body.object("callLocator"));
    URI callbackUri = body.uri("callbackUri");
    String operationContext = body.optionalText("operationContext");
    StreamingOptions media = StreamingOptions.parse(body);
    Optional<AcsCall> found =
        locator.serverCallId() == null
            ? Optional.empty()
            : calls
                .onServerCall(request, locator.serverCallId())
                .map(AcsCall::root)
                .filter(root -> root.state() == CallConnectionState.CONNECTED);
    if (found.isEmpty()) {
      return failed(request, locator, callbackUri, operationContext);
    }
    AcsCall root = found.get();
    AcsCall call = root.join(callbackUri);
    call.describe(properties -> properties.putArray("targets"));
    calls.connected(call);
    streams.attach(call, media);
    root.admit(call);
    HttpReply reply = HttpReply.json(200, call.toJson());
    journal.event(
        Channel.ACS,
        "call.joined",
        call.id(),
        Map.of("serverCallId", root.serverCallId(), "root", root.id()));
    calls.connect(call, operationContext);
    if (root.state() == CallConnectionState.DISCONNECTED) {
      calls.disconnect(call, ResultInformation.CALL_ENDED);
    }
    return reply;
  }

  /** 200 as for any connect, then ConnectFailed; the connection is forgotten. */
  private HttpReply failed(
      AcsRequest request, Locator locator, URI callbackUri, @Nullable String operationContext) {
    String correlationId = UUID.randomUUID().toString();
    String serverCallId =
        locator.serverCallId() != null
            ? locator.serverCallId()
            : Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    ("emulator/conv/" + correlationId).getBytes(StandardCharsets.UTF_8));
    AcsCall call =
        new AcsCall(serverCallId, correlationId, request.resource(), callbackUri, services);
    call.describe(properties -> properties.putArray("targets"));
    HttpReply reply = HttpReply.json(200, call.toJson());
    journal.event(
        Channel.ACS,
        "call.connectFailed",
        call.id(),
        Map.of("locator", locator.kind(), "id", locator.id()));
    call.emit("ConnectFailed", null, operationContext, CALL_NOT_FOUND, data -> {});
    calls.forget(call);
    return reply;
  }

  /** A validated {@code callLocator}: its kind and the id that kind requires. */
  record Locator(String kind, String id) {

    static Locator parse(RequestBody locator) {
      String kind =
          locator.oneOf("kind", null, "groupCallLocator", "serverCallLocator", "roomCallLocator");
      if (kind == null) {
        throw AcsErrors.badRequest(
            locator.path("kind"),
            "The "
                + locator.path("kind")
                + " field is required: groupCallLocator, serverCallLocator or roomCallLocator.");
      }
      String field =
          switch (kind) {
            case "groupCallLocator" -> "groupCallId";
            case "serverCallLocator" -> "serverCallId";
            default -> "roomId";
          };
      return new Locator(kind, locator.text(field));
    }

    @Nullable String serverCallId() {
      return kind.equals("serverCallLocator") ? id : null;
    }
  }
}
