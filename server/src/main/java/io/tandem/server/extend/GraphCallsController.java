package io.tandem.server.extend;

import io.tandem.graph.calls.CallSignal;
import io.tandem.graph.calls.CommsNotifications;
import io.tandem.identity.MicrosoftTokenValidator;
import io.tandem.identity.TokenRejectedException;
import io.tandem.server.microsoft.MicrosoftConnection;
import java.util.List;
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
 * Graph's call notifications ({@code commsNotifications}) for the bot. A request without a Bearer
 * JWT that Microsoft's Graph callback authority signed for this bot (issuer, audience = the bot's
 * app id, signature via JWKS) is refused with 401 and never reaches the domain; a body that is not
 * a commsNotifications document is 400; anything else is 202 at once, handled asynchronously.
 */
@RestController
@ConditionalOnExpression(ExtendConfiguration.ENABLED)
class GraphCallsController {

  private static final Logger LOG = LoggerFactory.getLogger(GraphCallsController.class);

  private final MicrosoftTokenValidator tokens;
  private final ExtendChannel channel;

  GraphCallsController(MicrosoftConnection microsoft, ExtendChannel channel) {
    this.tokens = microsoft.graphNotifications();
    this.channel = channel;
  }

  @PostMapping(ExtendChannel.NOTIFICATIONS_PATH)
  ResponseEntity<?> notified(
      @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestBody(required = false) byte[] body) {
    try {
      tokens.validateAuthorization(Optional.ofNullable(authorization));
    } catch (TokenRejectedException rejected) {
      LOG.warn("Graph call notification refused: {}", rejected.getMessage());
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
          .body(problem(HttpStatus.UNAUTHORIZED, "The notification's bearer token is not valid."));
    }
    List<CallSignal> signals;
    try {
      signals = CommsNotifications.parse(body == null ? new byte[0] : body);
    } catch (IllegalArgumentException malformed) {
      return ResponseEntity.badRequest()
          .body(
              problem(
                  HttpStatus.BAD_REQUEST,
                  "Not a commsNotifications document: " + malformed.getMessage()));
    }
    channel.received(signals);
    return ResponseEntity.accepted().build();
  }

  private static ProblemDetail problem(HttpStatus status, String detail) {
    return ProblemDetail.forStatusAndDetail(status, detail);
  }
}
