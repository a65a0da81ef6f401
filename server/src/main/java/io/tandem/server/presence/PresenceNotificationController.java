package io.tandem.server.presence;

import io.swagger.v3.oas.annotations.Hidden;
import io.tandem.graph.presence.MalformedNotificationException;
import io.tandem.graph.presence.PresenceNotifications;
import io.tandem.graph.presence.ReceivedNotifications;
import io.tandem.graph.presence.ValidationHandshake;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where Graph posts presence change notifications and lifecycle events ({@value
 * TeamsPresenceRouting#NOTIFICATION_PATH}, both the {@code notificationUrl} and the {@code
 * lifecycleNotificationUrl} of Tandem's subscriptions). Microsoft calls it, so it takes no Tandem
 * authentication; what proves a notification is its {@code clientState}. For each POST:
 *
 * <ol>
 *   <li>a validation handshake ({@code ?validationToken=…}): 200 {@code text/plain} with the
 *       decoded token;
 *   <li>otherwise the body is parsed, each item's clientState checked ({@link
 *       PresenceNotifications}); no notification at all: 400;
 *   <li>202 at once; what passed goes to {@link TeamsPresenceRouting#received} (which never
 *       blocks). Items with a wrong clientState are dropped, yet the answer is still 202, so a
 *       forger learns nothing and Graph does not retry.
 * </ol>
 */
@Hidden
@RestController
@ConditionalOnBooleanProperty("tandem.microsoft.enabled")
class PresenceNotificationController {

  private final TeamsPresenceRouting routing;

  PresenceNotificationController(TeamsPresenceRouting routing) {
    this.routing = routing;
  }

  @PostMapping(TeamsPresenceRouting.NOTIFICATION_PATH)
  ResponseEntity<?> notify(
      HttpServletRequest request, @RequestBody(required = false) byte @Nullable [] body) {
    Optional<String> token = ValidationHandshake.answer(request.getQueryString());
    if (token.isPresent()) {
      return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(token.get());
    }
    ReceivedNotifications received;
    try {
      received =
          PresenceNotifications.parse(body == null ? new byte[0] : body, routing.clientStates());
    } catch (MalformedNotificationException malformed) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.BAD_REQUEST, "not a Graph notification: " + malformed.getMessage());
      return ResponseEntity.badRequest()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    routing.received(received);
    return ResponseEntity.accepted().build();
  }
}
