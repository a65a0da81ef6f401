package io.tandem.server.api;

import io.tandem.server.config.ConfigurationProblem;
import io.tandem.server.config.InvalidConfigurationException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers an invalid configuration document or resource with one RFC 9457 problem (400) that lists
 * every problem found: {@code field} names the first, {@code problems} holds all as {@code {field,
 * detail}}. Ahead of {@link ProblemResponses}, which answers everything else.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConfigurationProblemResponses {

  @ExceptionHandler(InvalidConfigurationException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidConfigurationException e) {
    List<ConfigurationProblem> problems = e.problems();
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid request");
    problem.setType(URI.create(ProblemResponses.TYPE_BASE + 400));
    problem.setProperty("field", problems.get(0).field());
    problem.setProperty(
        "problems",
        problems.stream().map(p -> Map.of("field", p.field(), "detail", p.detail())).toList());
    return ResponseEntity.badRequest()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
