package io.tandem.server.unify;

import io.tandem.acs.events.CallEvent;
import io.tandem.acs.events.CallEvents;
import io.tandem.acs.events.EventGridDelivery;
import io.tandem.acs.events.EventGridEvents;
import io.tandem.identity.TokenRejectedException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * ACS's deliveries to the application: Event Grid's IncomingCall events (with the subscription
 * validation handshake, which Event Grid sends before it has a token to present) and Call
 * Automation's mid-call callbacks. A delivery without a Bearer JWT that ACS's callback authority
 * signed for this resource (issuer, audience = the resource's immutable id, signature via JWKS) is
 * refused with 401 and never reaches the domain; a body that is not an array of events is 400;
 * anything else is answered at once and handled asynchronously.
 */
@RestController
@ConditionalOnExpression(UnifyConfiguration.ENABLED)
class AcsEventsController {

  private static final Logger LOG = LoggerFactory.getLogger(AcsEventsController.class);

  private final UnifyChannel channel;

  AcsEventsController(UnifyChannel channel) {
    this.channel = channel;
  }

  @PostMapping(UnifyChannel.INCOMING_CALLS_PATH)
  ResponseEntity<?> incomingCalls(
      @RequestHeader(value = "aeg-event-type", required = false) String eventType,
      @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestBody(required = false) byte[] body) {
    boolean handshake = "SubscriptionValidation".equalsIgnoreCase(eventType);
    if (!handshake) {
      ResponseEntity<?> refused = refusedToken(authorization, "Event Grid delivery");
      if (refused != null) {
        return refused;
      }
    }
    EventGridDelivery delivery;
    try {
      delivery = EventGridEvents.parse(body == null ? new byte[0] : body);
    } catch (IllegalArgumentException malformed) {
      return badRequest("Not an Event Grid delivery: " + malformed.getMessage());
    }
    return switch (delivery) {
      case EventGridDelivery.Validation validation ->
          ResponseEntity.ok(Map.of("validationResponse", validation.validationCode()));
      case EventGridDelivery.Events events when handshake ->
          badRequest("A SubscriptionValidation delivery carries a validation event.");
      case EventGridDelivery.Events events -> {
        events.incomingCalls().forEach(channel::incoming);
        events.recordingFiles().forEach(channel::recordingFile);
        yield ResponseEntity.ok().build();
      }
    };
  }

  @PostMapping(UnifyChannel.CALLBACKS_PATH)
  ResponseEntity<?> callbacks(
      @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestBody(required = false) byte[] body) {
    ResponseEntity<?> refused = refusedToken(authorization, "Call Automation callback");
    if (refused != null) {
      return refused;
    }
    List<CallEvent> events;
    try {
      events = CallEvents.parse(body == null ? new byte[0] : body);
    } catch (IllegalArgumentException malformed) {
      return badRequest("Not a Call Automation callback: " + malformed.getMessage());
    }
    channel.received(events);
    return ResponseEntity.ok().build();
  }

  private @org.jspecify.annotations.Nullable ResponseEntity<?> refusedToken(
      @org.jspecify.annotations.Nullable String authorization, String what) {
    try {
      channel.callbackTokens().validateAuthorization(Optional.ofNullable(authorization));
      return null;
    } catch (TokenRejectedException rejected) {
      LOG.warn("{} refused: {}", what, rejected.getMessage());
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
          .body(
              ProblemDetail.forStatusAndDetail(
                  HttpStatus.UNAUTHORIZED, "The " + what + "'s bearer token is not valid."));
    }
  }

  private static ResponseEntity<?> badRequest(String detail) {
    return ResponseEntity.badRequest()
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail));
  }
}
