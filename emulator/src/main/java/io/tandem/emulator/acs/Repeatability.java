package io.tandem.emulator.acs;

import io.tandem.emulator.http.HttpReply;
import io.tandem.emulator.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Repeatable requests ({@code Repeatability-Request-ID} + {@code Repeatability-First-Sent}): the
 * first request with an id runs and its reply is kept for {@link #RETENTION}; a repeat with the
 * same body gets that reply again without a second side effect; a repeat with another body is
 * refused with 409. Both headers go together; the id must be a UUID and the date RFC 1123, not
 * older than the retention. Replies carry {@code Repeatability-Result: accepted}.
 */
final class Repeatability {

  static final Duration RETENTION = Duration.ofHours(1);

  private record Kept(String bodyHash, HttpReply reply, Instant until) {}

  private final Scheduler clock;
  private final Map<String, Object> locks = new ConcurrentHashMap<>();
  private final Map<String, Kept> kept = new ConcurrentHashMap<>();

  Repeatability(Scheduler clock) {
    this.clock = clock;
  }

  AcsHandler around(AcsHandler handler) {
    return request -> {
      var id = request.http().header("repeatability-request-id");
      var firstSent = request.http().header("repeatability-first-sent");
      if (id.isEmpty() && firstSent.isEmpty()) {
        return handler.handle(request);
      }
      String requestId = checkedId(id.orElse(""));
      checkFirstSent(firstSent.orElse(""));
      String key = request.resource().id() + "|" + requestId;
      String hash = HmacSignature.contentHash(request.http().body());
      synchronized (locks.computeIfAbsent(key, k -> new Object())) {
        Instant now = clock.now();
        Kept previous = kept.get(key);
        if (previous != null && previous.until().isAfter(now)) {
          if (!previous.bodyHash().equals(hash)) {
            throw AcsErrors.of(
                409,
                "Conflict",
                "Repeatability-Request-ID " + requestId + " was already used with another body.");
          }
          return previous.reply();
        }
        HttpReply reply = handler.handle(request).withHeader("Repeatability-Result", "accepted");
        kept.put(key, new Kept(hash, reply, now.plus(RETENTION)));
        kept.entrySet().removeIf(entry -> !entry.getValue().until().isAfter(now));
        return reply;
      }
    };
  }

  private static String checkedId(String id) {
    try {
      return UUID.fromString(id.trim()).toString();
    } catch (IllegalArgumentException notUuid) {
      throw AcsErrors.badRequest(
          "Repeatability-Request-ID", "Repeatability-Request-ID must be a UUID, was: " + id);
    }
  }

  private void checkFirstSent(String value) {
    Instant sent;
    try {
      sent = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException malformed) {
      throw AcsErrors.badRequest(
          "Repeatability-First-Sent",
          "Repeatability-First-Sent must be an RFC 1123 date sent with Repeatability-Request-ID, was: "
              + value);
    }
    if (sent.isBefore(clock.now().minus(RETENTION))) {
      throw AcsErrors.badRequest(
          "Repeatability-First-Sent",
          "Repeatability-First-Sent is older than the "
              + RETENTION.toMinutes()
              + "-minute retention.");
    }
  }
}
