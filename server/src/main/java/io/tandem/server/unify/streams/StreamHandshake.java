package io.tandem.server.unify.streams;

import io.tandem.identity.MicrosoftTokenValidator;
import io.tandem.identity.TokenRejectedException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Checks an ACS stream handshake before the upgrade, in this order: room for another connection
 * (503), a valid ACS Bearer token (401, with {@code WWW-Authenticate}), an {@code
 * x-ms-call-connection-id} (400). The call connection and correlation ids go into the session's
 * attributes.
 */
final class StreamHandshake implements HandshakeInterceptor {

  static final String CALL_CONNECTION_ID = "x-ms-call-connection-id";
  static final String CORRELATION_ID = "x-ms-call-correlation-id";

  private static final Logger log = LoggerFactory.getLogger(StreamHandshake.class);
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:+=/-]{1,256}");

  private final MicrosoftTokenValidator validator;
  private final OpenStreams open;
  private final int maxConnections;
  private final StreamMeters meters;

  StreamHandshake(
      MicrosoftTokenValidator validator,
      OpenStreams open,
      int maxConnections,
      StreamMeters meters) {
    this.validator = validator;
    this.open = open;
    this.maxConnections = maxConnections;
    this.meters = meters;
  }

  @Override
  public boolean beforeHandshake(
      ServerHttpRequest request,
      ServerHttpResponse response,
      WebSocketHandler handler,
      Map<String, Object> attributes) {
    if (open.count() >= maxConnections) {
      return refuse(response, HttpStatus.SERVICE_UNAVAILABLE, "too-many-connections");
    }
    HttpHeaders headers = request.getHeaders();
    try {
      validator.validateAuthorization(
          Optional.ofNullable(headers.getFirst(HttpHeaders.AUTHORIZATION)));
    } catch (TokenRejectedException rejected) {
      log.warn(
          "ACS stream handshake from {} refused: {}",
          request.getRemoteAddress(),
          rejected.getMessage());
      response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
      return refuse(response, HttpStatus.UNAUTHORIZED, "unauthorized");
    }
    String callConnectionId = headers.getFirst(CALL_CONNECTION_ID);
    if (callConnectionId == null || !ID.matcher(callConnectionId).matches()) {
      log.warn("ACS stream handshake without a valid {}", CALL_CONNECTION_ID);
      return refuse(response, HttpStatus.BAD_REQUEST, "no-call-connection-id");
    }
    attributes.put(CALL_CONNECTION_ID, callConnectionId);
    String correlationId = headers.getFirst(CORRELATION_ID);
    if (correlationId != null) {
      attributes.put(CORRELATION_ID, correlationId);
    }
    return true;
  }

  private boolean refuse(ServerHttpResponse response, HttpStatus status, String reason) {
    meters.rejected(reason);
    response.setStatusCode(status);
    return false;
  }

  @Override
  public void afterHandshake(
      ServerHttpRequest request,
      ServerHttpResponse response,
      WebSocketHandler handler,
      @Nullable Exception failure) {}
}
