package io.tandem.graph.client;

import org.jspecify.annotations.Nullable;

/**
 * Graph refused a request, or could not be reached after retries: the HTTP status (0 when
 * unreachable), Graph's {@code error.code} and message, and the {@code request-id} Microsoft
 * support asks for.
 */
public final class GraphException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final @Nullable String requestId;

  public GraphException(int status, String code, String message, @Nullable String requestId) {
    super(
        "Graph "
            + status
            + " "
            + code
            + ": "
            + message
            + (requestId == null ? "" : " (request-id " + requestId + ")"));
    this.status = status;
    this.code = code;
    this.requestId = requestId;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public @Nullable String requestId() {
    return requestId;
  }
}
