package io.tandem.emulator.graph.presence;

import io.tandem.emulator.graph.GraphErrors;
import io.tandem.emulator.http.Json;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of {@code setStatusMessage}: {@code {"statusMessage":{"message":{"content",
 * "contentType"},"expiryDateTime":{"dateTime","timeZone"}}}}. An empty content clears the message.
 * Time zones are IANA ids, {@code UTC}, or the few Windows names listed here.
 */
final class StatusMessages {

  private static final Map<String, String> WINDOWS_ZONES =
      Map.of(
          "Pacific Standard Time", "America/Los_Angeles",
          "Mountain Standard Time", "America/Denver",
          "Central Standard Time", "America/Chicago",
          "Eastern Standard Time", "America/New_York",
          "GMT Standard Time", "Europe/London",
          "W. Europe Standard Time", "Europe/Berlin",
          "Romance Standard Time", "Europe/Paris",
          "Tokyo Standard Time", "Asia/Tokyo",
          "India Standard Time", "Asia/Kolkata");

  /** The message to store (null clears it) and how long until it lapses (null: never). */
  record Parsed(@Nullable ObjectNode message, @Nullable Duration expiresIn) {}

  private StatusMessages() {}

  /** Reads {@code body} at {@code now}; Graph's 400 for what it cannot use. */
  static Parsed parse(JsonNode body, Instant now) {
    JsonNode statusMessage = body.get("statusMessage");
    if (statusMessage == null || !statusMessage.isObject()) {
      throw GraphErrors.badRequest("The 'statusMessage' property is required.");
    }
    JsonNode message = statusMessage.path("message");
    if (!message.path("content").isString()) {
      throw GraphErrors.badRequest("statusMessage.message.content is required.");
    }
    if (message.path("content").asString().isEmpty()) {
      return new Parsed(null, null);
    }
    ObjectNode stored = Json.object();
    stored
        .putObject("message")
        .put("content", message.path("content").asString())
        .put("contentType", message.path("contentType").asString("text"));
    Duration expiresIn = null;
    JsonNode expiry = statusMessage.get("expiryDateTime");
    if (expiry != null && !expiry.isNull()) {
      Instant at = instant(expiry);
      stored.set("expiryDateTime", expiry);
      expiresIn = Duration.between(now, at);
      if (expiresIn.isNegative() || expiresIn.isZero()) {
        throw GraphErrors.badRequest("statusMessage.expiryDateTime is in the past.");
      }
    } else {
      stored.putNull("expiryDateTime");
    }
    stored.put("publishedDateTime", now.toString());
    return new Parsed(stored, expiresIn);
  }

  private static Instant instant(JsonNode expiry) {
    String dateTime = expiry.path("dateTime").asString("");
    String zone = expiry.path("timeZone").asString("UTC");
    try {
      ZoneId zoneId = ZoneId.of(WINDOWS_ZONES.getOrDefault(zone, zone));
      return LocalDateTime.parse(
              dateTime.endsWith("Z") ? dateTime.substring(0, dateTime.length() - 1) : dateTime)
          .atZone(zoneId)
          .toInstant();
    } catch (DateTimeException unreadable) {
      throw GraphErrors.badRequest(
          "statusMessage.expiryDateTime {dateTime: '"
              + dateTime
              + "', timeZone: '"
              + zone
              + "'} cannot be read: "
              + unreadable.getMessage());
    }
  }
}
