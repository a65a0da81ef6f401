package io.tandem.server.api;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A request the API refuses, answered as an RFC 9457 problem document by {@link ProblemResponses}:
 * its status, a short title for the kind of problem, a detail for this occurrence, and the field of
 * the request at fault (a JSON path such as {@code stages[1].skills}, a path variable or a query
 * parameter), if one is.
 */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String title;
  private final @Nullable String field;

  public ApiException(HttpStatus status, String title, String detail, @Nullable String field) {
    super(detail);
    this.status = status;
    this.title = title;
    this.field = field;
  }

  /** 404: the tenant or object named in the request does not exist. */
  public static ApiException notFound(String detail) {
    return new ApiException(HttpStatus.NOT_FOUND, "Not found", detail, null);
  }

  /** 400: the request is malformed or names something invalid; {@code field} says where. */
  public static ApiException invalid(@Nullable String field, String detail) {
    return new ApiException(HttpStatus.BAD_REQUEST, "Invalid request", detail, field);
  }

  /** 409: the request is well formed but conflicts with the current state. */
  public static ApiException conflict(String detail) {
    return new ApiException(HttpStatus.CONFLICT, "Conflict with the current state", detail, null);
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }

  public @Nullable String field() {
    return field;
  }
}
