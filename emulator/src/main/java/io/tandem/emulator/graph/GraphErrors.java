package io.tandem.emulator.graph;

import io.tandem.emulator.http.HttpProblem;
import io.tandem.emulator.http.HttpReply;
import io.tandem.emulator.http.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * Graph's refusals: {@code {"error":{"code","message"}}}. {@link GraphExchange} adds the {@code
 * innerError} (date, request-id, client-request-id) on the way out, so handlers only say what went
 * wrong.
 */
public final class GraphErrors {

  private GraphErrors() {}

  /** A refusal with Graph's error shape, to throw from a handler. */
  public static HttpProblem problem(int status, String code, String message) {
    return new HttpProblem(reply(status, code, message));
  }

  /** 400 {@code BadRequest}: the message names the offending field. */
  public static HttpProblem badRequest(String message) {
    return problem(400, "BadRequest", message);
  }

  /** 404 {@code NotFound}. */
  public static HttpProblem notFound(String message) {
    return problem(404, "NotFound", message);
  }

  /** The error reply itself, for callers that answer rather than throw. */
  public static HttpReply reply(int status, String code, String message) {
    ObjectNode body = Json.object();
    body.putObject("error").put("code", code).put("message", message);
    return HttpReply.json(status, body);
  }
}
