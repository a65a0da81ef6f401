package io.tandem.emulator.acs;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One {@code PlaySource}: a file by URI, or text/SSML spoken by text-to-speech. Spoken sources last
 * 60 ms per character of text (at least one second), the emulator's stand-in for real TTS.
 */
record PlaySource(String kind, @Nullable URI uri, @Nullable String text) {

  static PlaySource parse(RequestBody body) {
    String kind = body.oneOf("kind", null, "file", "text", "ssml");
    if (kind == null) {
      throw AcsErrors.badRequest(
          body.path("kind"), "The " + body.path("kind") + " field is required.");
    }
    return switch (kind) {
      case "file" -> new PlaySource(kind, body.object("file").uri("uri"), null);
      case "text" -> new PlaySource(kind, null, body.object("text").text("text"));
      default -> new PlaySource(kind, null, body.object("ssml").text("ssmlText"));
    };
  }

  boolean isFile() {
    return uri != null;
  }

  /** How long a spoken source plays. */
  Duration spokenDuration() {
    String words = text == null ? "" : text.replaceAll("<[^>]*>", "").trim();
    return Duration.ofMillis(Math.max(1000, 60L * words.length()));
  }
}
