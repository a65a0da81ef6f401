package io.tandem.emulator.graph.presence.internal;

import io.tandem.emulator.http.HttpCall;
import io.tandem.emulator.http.HttpProblem;
import io.tandem.emulator.http.HttpReply;
import io.tandem.emulator.http.Json;
import io.tandem.emulator.time.Scheduler;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * Microsoft Graph's replies: the error shape {@code {"error":{"code","message","innerError":{date,
 * request-id, client-request-id}}}} and the {@code request-id}/{@code client-request-id} headers
 * every Graph reply carries. Private to presence until the shared {@code io.tandem.emulator.graph}
 * package lands.
 */
public final class GraphReplies {

  /** The base of every {@code @odata.context} Graph writes. */
  public static final String METADATA = "https://graph.microsoft.com/v1.0/$metadata#";

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private final Scheduler clock;

  public GraphReplies(Scheduler clock) {
    this.clock = clock;
  }

  /** The emulator's clock reading. */
  public java.time.Instant now() {
    return clock.now();
  }

  /** A Graph error reply for {@code call}. */
  public HttpReply error(HttpCall call, int status, String code, String message) {
    String requestId = UUID.randomUUID().toString();
    String clientRequestId = call.header("client-request-id").orElse(requestId);
    ObjectNode body = Json.object();
    ObjectNode error = body.putObject("error");
    error.put("code", code);
    error.put("message", message);
    ObjectNode inner = error.putObject("innerError");
    inner.put("date", DATE.format(clock.now().truncatedTo(ChronoUnit.SECONDS)));
    inner.put("request-id", requestId);
    inner.put("client-request-id", clientRequestId);
    return HttpReply.json(status, body)
        .withHeader("request-id", requestId)
        .withHeader("client-request-id", clientRequestId);
  }

  /** The same error, thrown to end the handler. */
  public HttpProblem problem(HttpCall call, int status, String code, String message) {
    return new HttpProblem(error(call, status, code, message));
  }

  /** A 400 {@code BadRequest}, Graph's answer to a body it cannot use. */
  public HttpProblem badRequest(HttpCall call, String message) {
    return problem(call, 400, "BadRequest", message);
  }

  /** A successful JSON reply with Graph's request-id headers. */
  public HttpReply ok(HttpCall call, int status, Object body) {
    return withIds(call, HttpReply.json(status, body));
  }

  /** A successful reply without a body (200 for presence actions, 204 for DELETE). */
  public HttpReply empty(HttpCall call, int status) {
    return withIds(call, HttpReply.empty(status));
  }

  private static HttpReply withIds(HttpCall call, HttpReply reply) {
    String requestId = UUID.randomUUID().toString();
    return reply
        .withHeader("request-id", requestId)
        .withHeader("client-request-id", call.header("client-request-id").orElse(requestId));
  }
}
