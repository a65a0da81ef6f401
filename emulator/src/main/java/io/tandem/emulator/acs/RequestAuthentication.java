package io.tandem.emulator.acs;

import io.tandem.emulator.entra.AccessTokens;
import io.tandem.emulator.entra.InvalidTokenException;
import io.tandem.emulator.http.HttpCall;
import io.tandem.emulator.time.Scheduler;
import io.tandem.emulator.world.AcsResource;
import io.tandem.emulator.world.World;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides which ACS resource sent a request, or refuses it with 401 in ACS's error shape.
 *
 * <p>HMAC: the request must carry {@code x-ms-date} (RFC 1123, at most 15 minutes from the
 * emulator's clock), {@code x-ms-content-sha256} equal to the body's hash, and {@code
 * Authorization: HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=…}. The
 * signed {@code host} is the request's {@code Host} header without its port. Every endpoint of the
 * emulator is the same host, so the resource is found by trying each configured resource's access
 * key in turn; the first whose signature matches is the sender.
 *
 * <p>Entra: {@code Authorization: Bearer} with an access token from the emulator's Entra for the
 * audience {@code https://communication.azure.com}, and {@code x-ms-host:
 * <name>.communication.azure.com} naming the resource (falling back on the {@code Host} header).
 */
final class RequestAuthentication {

  static final String ENTRA_AUDIENCE = "https://communication.azure.com";
  static final Duration MAX_SKEW = Duration.ofMinutes(15);

  private final World world;
  private final AccessTokens accessTokens;
  private final Scheduler clock;

  RequestAuthentication(World world, AccessTokens accessTokens, Scheduler clock) {
    this.world = world;
    this.accessTokens = accessTokens;
    this.clock = clock;
  }

  AcsResource authenticate(HttpCall call) {
    String authorization =
        call.header("authorization")
            .orElseThrow(() -> AcsErrors.unauthorized("the request has no Authorization header"));
    if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return bearer(call, authorization.substring(7).trim());
    }
    if (authorization.regionMatches(true, 0, "HMAC-SHA256 ", 0, 12)) {
      return hmac(call, authorization.substring(12).trim());
    }
    throw AcsErrors.unauthorized(
        "the Authorization scheme must be HMAC-SHA256 or Bearer, was: "
            + authorization.split(" ", 2)[0]);
  }

  private AcsResource bearer(HttpCall call, String token) {
    try {
      accessTokens.verify(token, ENTRA_AUDIENCE);
    } catch (InvalidTokenException invalid) {
      throw AcsErrors.unauthorized(invalid.getMessage());
    }
    String host =
        call.header("x-ms-host")
            .or(() -> call.header("host"))
            .map(RequestAuthentication::withoutPort)
            .orElse("");
    return world.acsResources().stream()
        .filter(resource -> resource.host().equalsIgnoreCase(host))
        .findFirst()
        .orElseThrow(
            () ->
                AcsErrors.unauthorized(
                    "x-ms-host '"
                        + host
                        + "' names no ACS resource (<name>.communication.azure.com)"));
  }

  private AcsResource hmac(HttpCall call, String parameters) {
    String signedHeaders = parameter(parameters, "SignedHeaders").orElse("");
    String signature =
        parameter(parameters, "Signature")
            .orElseThrow(() -> AcsErrors.unauthorized("the Authorization header has no Signature"));
    if (!HmacSignature.SIGNED_HEADERS.equalsIgnoreCase(signedHeaders)) {
      throw AcsErrors.unauthorized(
          "SignedHeaders must be " + HmacSignature.SIGNED_HEADERS + ", was: " + signedHeaders);
    }
    String date =
        call.header("x-ms-date")
            .orElseThrow(() -> AcsErrors.unauthorized("the request has no x-ms-date header"));
    checkFreshness(date);
    String contentHash =
        call.header("x-ms-content-sha256")
            .orElseThrow(
                () -> AcsErrors.unauthorized("the request has no x-ms-content-sha256 header"));
    if (!HmacSignature.contentHash(call.body()).equals(contentHash)) {
      throw AcsErrors.unauthorized(
          "Request 'x-ms-content-sha256' differs from generated content hash.");
    }
    String host = call.header("host").map(RequestAuthentication::withoutPort).orElse("");
    String stringToSign =
        HmacSignature.stringToSign(call.method(), call.pathAndQuery(), date, host, contentHash);
    for (AcsResource resource : world.acsResources()) {
      if (HmacSignature.sameSignature(
          HmacSignature.sign(resource.accessKey(), stringToSign), signature)) {
        return resource;
      }
    }
    throw AcsErrors.unauthorized(
        "the signature matches no ACS resource's access key; the string signed should be "
            + stringToSign.replace("\n", "\\n"));
  }

  private void checkFreshness(String date) {
    Instant sent;
    try {
      sent = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException malformed) {
      throw AcsErrors.unauthorized("x-ms-date is not an RFC 1123 date: " + date);
    }
    Duration skew = Duration.between(sent, clock.now()).abs();
    if (skew.compareTo(MAX_SKEW) > 0) {
      throw AcsErrors.unauthorized(
          "x-ms-date "
              + date
              + " is more than 15 minutes from the service's clock "
              + HmacSignature.date(clock.now()));
    }
  }

  private static Optional<String> parameter(String parameters, String name) {
    for (String pair : parameters.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).trim().equalsIgnoreCase(name)) {
        return Optional.of(pair.substring(equals + 1).trim());
      }
    }
    return Optional.empty();
  }

  /** {@code host:port} → {@code host}; {@code [::1]:port} → {@code [::1]}. */
  static String withoutPort(String host) {
    String value = host.trim().toLowerCase(Locale.ROOT);
    int bracket = value.lastIndexOf(']');
    int colon = value.lastIndexOf(':');
    return colon > bracket && value.indexOf(':') == colon || (bracket >= 0 && colon > bracket)
        ? value.substring(0, colon)
        : value;
  }
}
