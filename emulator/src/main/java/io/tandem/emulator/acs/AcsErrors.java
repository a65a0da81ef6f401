package io.tandem.emulator.acs;

import io.tandem.emulator.http.HttpProblem;
import io.tandem.emulator.http.HttpReply;
import io.tandem.emulator.http.Json;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * ACS's error shape, {@code {"error":{"code","message","details":[…]}}}, thrown as {@link
 * HttpProblem}. The codes the emulator uses are listed in {@code emulator/docs/acs.md}.
 */
final class AcsErrors {

  /** Call Automation's code for a request whose HMAC or bearer token it refuses. */
  static final String UNAUTHORIZED = "7509";

  private AcsErrors() {}

  static HttpProblem of(int status, String code, String message) {
    return of(status, code, message, null, null);
  }

  /**
   * An error with an optional {@code target} (the field at fault) and one detail explaining what
   * the emulator found, so that a developer can fix the request.
   */
  static HttpProblem of(
      int status, String code, String message, @Nullable String target, @Nullable String detail) {
    return new HttpProblem(reply(status, code, message, target, detail));
  }

  static HttpReply reply(
      int status, String code, String message, @Nullable String target, @Nullable String detail) {
    ObjectNode body = Json.object();
    ObjectNode error = body.putObject("error");
    error.put("code", code);
    error.put("message", message);
    if (target != null) {
      error.put("target", target);
    }
    if (detail != null) {
      error.putArray("details").addObject().put("code", code).put("message", detail);
    }
    return HttpReply.json(status, body);
  }

  /** 401: HMAC or bearer authentication failed; {@code reason} says why. */
  static HttpProblem unauthorized(String reason) {
    return new HttpProblem(
        reply(401, UNAUTHORIZED, "HMAC-SHA256 validation failed", null, reason)
            .withHeader("WWW-Authenticate", "HMAC-SHA256"));
  }

  /** 400 naming the field at fault. */
  static HttpProblem badRequest(@Nullable String field, String message) {
    return of(400, "BadRequest", message, field, null);
  }

  /** 404 for an unknown call connection, participant, recording or assignment. */
  static HttpProblem notFound(String message) {
    return of(404, "NotFound", message);
  }

  /** An operation the call's current state does not allow. */
  static HttpProblem illegalState(String message) {
    return of(400, "InvalidCallState", message);
  }
}
