package io.tandem.server.api;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Turns every refused request into an RFC 9457 problem document ({@code application/problem+json})
 * with {@code type}, {@code title}, {@code status}, {@code detail} and, when one field is at fault,
 * a {@code field} member naming it. Bad input is a 4xx, never a 500:
 *
 * <ul>
 *   <li>{@link ApiException}: its own status (400, 404, 409); {@link Actor#ask} turns the refusals
 *       of core's state machines and values into these;
 *   <li>malformed JSON, unknown or mistyped fields: 400 naming the field (JSON path);
 *   <li>Spring MVC's own (unknown path 404, wrong method 405, media types 406/415): as Spring
 *       answers them, as problem documents.
 * </ul>
 *
 * Anything else is a bug: 500 with a generic detail, and the stack trace in the log.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

  /** The base of the {@code type} URIs of Tandem's own problems. */
  static final String TYPE_BASE = "https://tandem.dev/problems/";

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> api(ApiException e) {
    return problem(e.status(), e.title(), e.getMessage(), e.field());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "Invalid request",
        "'" + e.getValue() + "' is not a valid " + e.getName(),
        e.getName());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    LOG.error("Unexpected error answering a request", e);
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "Internal error",
        "the server failed to answer this request; the cause is in its log",
        null);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String field = null;
    String detail = "the request body is not valid JSON";
    if (e.getCause() instanceof JacksonException jackson) {
      field = JsonPaths.of(jackson);
      detail = JsonPaths.describe(jackson);
    } else if (e.getMessage() != null && e.getMessage().startsWith("Required request body")) {
      detail = "the request needs a body";
    }
    return asObject(problem(HttpStatus.BAD_REQUEST, "Invalid request", detail, field));
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return asObject(
        problem(
            HttpStatus.BAD_REQUEST,
            "Invalid request",
            "the query parameter '" + e.getParameterName() + "' is required",
            e.getParameterName()));
  }

  static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String title, @Nullable String detail, @Nullable String field) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create(TYPE_BASE + status.value()));
    if (field != null) {
      problem.setProperty("field", field);
    }
    return ResponseEntity.status(status)
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> response) {
    return (ResponseEntity) response;
  }
}
