package io.tandem.emulator.graph;

import io.tandem.emulator.http.HttpProblem;
import io.tandem.emulator.http.HttpReply;
import io.tandem.emulator.http.HttpRoutes;
import io.tandem.emulator.http.Json;
import io.tandem.emulator.http.RouteHandler;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.time.Scheduler;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Graph's envelope around every answer: the {@code request-id} and {@code client-request-id}
 * headers (the client's own id echoed, or the request id), and on an error the {@code innerError}
 * with the date ({@code 2021-07-02T01:40:19}: UTC without a zone designator) and both ids, as Graph
 * writes them.
 */
public final class GraphExchange {

  /** The base of every {@code @odata.context} Graph writes. */
  public static final String METADATA = "https://graph.microsoft.com/v1.0/$metadata#";

  /** {@code innerError.date} as Graph writes it: UTC, whole seconds, no zone designator. */
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private final Scheduler clock;

  public GraphExchange(Scheduler clock) {
    this.clock = clock;
  }

  /** Registers {@code handler} on the Graph channel, wrapped in Graph's envelope. */
  public GraphExchange add(HttpRoutes routes, String method, String pattern, RouteHandler handler) {
    routes.add(Channel.GRAPH, method, pattern, wrap(handler));
    return this;
  }

  /** {@code handler} wrapped in Graph's envelope. */
  public RouteHandler wrap(RouteHandler handler) {
    return call -> {
      String requestId = UUID.randomUUID().toString();
      String clientRequestId = call.header("client-request-id").orElse(requestId);
      HttpReply reply;
      try {
        reply = handler.handle(call);
      } catch (HttpProblem problem) {
        reply = problem.reply();
      }
      if (reply.status() >= 400) {
        reply = withInnerError(reply, requestId, clientRequestId);
      }
      return reply
          .withHeader("request-id", requestId)
          .withHeader("client-request-id", clientRequestId);
    };
  }

  private HttpReply withInnerError(HttpReply reply, String requestId, String clientRequestId) {
    JsonNode body;
    try {
      body = reply.body().length == 0 ? null : Json.MAPPER.readTree(reply.body());
    } catch (JacksonException notJson) {
      return reply;
    }
    if (body == null || !(body.path("error") instanceof ObjectNode error)) {
      return reply;
    }
    ObjectNode inner = error.putObject("innerError");
    inner.put("date", DATE.format(clock.now().truncatedTo(ChronoUnit.SECONDS)));
    inner.put("request-id", requestId);
    inner.put("client-request-id", clientRequestId);
    HttpReply rebuilt = HttpReply.json(reply.status(), body);
    for (var header : reply.headers().entrySet()) {
      if (!header.getKey().equalsIgnoreCase("Content-Type")) {
        rebuilt = rebuilt.withHeader(header.getKey(), header.getValue());
      }
    }
    return rebuilt;
  }
}
