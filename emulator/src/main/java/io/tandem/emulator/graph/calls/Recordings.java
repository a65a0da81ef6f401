package io.tandem.emulator.graph.calls;

import io.tandem.emulator.entra.AccessTokens;
import io.tandem.emulator.graph.GraphErrors;
import io.tandem.emulator.graph.GraphExchange;
import io.tandem.emulator.http.HttpCall;
import io.tandem.emulator.http.HttpProblem;
import io.tandem.emulator.http.HttpReply;
import io.tandem.emulator.http.HttpRoutes;
import io.tandem.emulator.time.Scheduler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The finished {@code recordResponse} recordings, served where their {@code recordingLocation}
 * points: {@code GET /emulator/graph/recordings/{id}} with {@code Authorization: Bearer
 * <recordingAccessToken>} answers 200 {@code application/octet-stream} with the WAV (call-record.md
 * example 2). A missing or wrong token is 401, an unknown or discarded recording 404. Graph
 * discards recordings "shortly after the call ends": here {@link #RETENTION} after it.
 */
final class Recordings {

  static final String PATH = "/emulator/graph/recordings/";
  static final Duration RETENTION = Duration.ofMinutes(5);

  private record Stored(String callId, String accessToken, Recording recording) {}

  private final Scheduler scheduler;
  private final Map<String, Stored> byId = new ConcurrentHashMap<>();

  Recordings(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  void register(HttpRoutes routes, GraphExchange exchange) {
    exchange.add(routes, "GET", PATH + "{id}", this::download);
  }

  /**
   * Keeps {@code recording} of {@code callId}; sets {@code recordingLocation} (under {@code
   * baseUrl}) and {@code recordingAccessToken} on {@code operation}.
   */
  void store(String callId, Recording recording, String baseUrl, CommsOperation operation) {
    String id = UUID.randomUUID().toString();
    String token = UUID.randomUUID().toString().replace("-", "");
    byId.put(id, new Stored(callId, token, recording));
    operation.extra.put("recordingLocation", baseUrl + PATH + id);
    operation.extra.put("recordingAccessToken", token);
  }

  /** The call ended: its recordings go after {@link #RETENTION}. */
  void callEnded(String callId) {
    if (byId.values().stream().anyMatch(stored -> stored.callId.equals(callId))) {
      scheduler.schedule(
          RETENTION, () -> byId.values().removeIf(stored -> stored.callId.equals(callId)));
    }
  }

  private HttpReply download(HttpCall call) {
    String id = call.variable("id");
    Stored stored = byId.get(id);
    if (stored == null) {
      throw GraphErrors.notFound("Recording " + id + " does not exist or has been discarded.");
    }
    String bearer = AccessTokens.bearer(call.header("authorization")).orElse("");
    if (!MessageDigest.isEqual(
        bearer.getBytes(StandardCharsets.UTF_8),
        stored.accessToken.getBytes(StandardCharsets.UTF_8))) {
      throw new HttpProblem(
          GraphErrors.reply(
                  401,
                  "InvalidAuthenticationToken",
                  "The recording needs Authorization: Bearer <recordingAccessToken>.")
              .withHeader("WWW-Authenticate", "Bearer"));
    }
    byte[] wav = RecordingAudio.wav(stored.recording.length(), stored.recording.speech());
    return new HttpReply(200, Map.of("Content-Type", "application/octet-stream"), wav);
  }
}
