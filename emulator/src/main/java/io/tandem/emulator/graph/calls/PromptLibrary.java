package io.tandem.emulator.graph.calls;

import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Direction;
import io.tandem.emulator.journal.Journal;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * Service-hosted media: fetches each prompt URI once with a GET (journaled), and knows how long it
 * plays: the real length of a RIFF/WAVE file, or the configured default for anything else. Fetched
 * prompts are cached by URI (as Graph caches {@code preFetchMedia}); a prompt that could not be
 * fetched is not, so the next playPrompt tries again. Blocking; called on request threads.
 */
final class PromptLibrary {

  /** A prompt: how long it plays, or why it cannot. */
  record Prompt(@Nullable Duration length, @Nullable String failure) {}

  private static final int MAX_CACHED = 10_000;

  private final HttpClient client;
  private final Journal journal;
  private final Duration timeout;
  private final Map<String, Prompt> fetched = new ConcurrentHashMap<>();

  PromptLibrary(@Nullable SSLContext trust, Journal journal, Duration timeout) {
    HttpClient.Builder builder =
        HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL);
    if (trust != null) {
      builder.sslContext(trust);
    }
    this.client = builder.build();
    this.journal = journal;
    this.timeout = timeout;
  }

  /** The prompt at {@code uri}; a fetched non-WAV prompt plays {@code defaultLength}. */
  Prompt prompt(String uri, String callId, Duration defaultLength) {
    Prompt known = fetched.get(uri);
    if (known == null) {
      known = fetch(uri, callId);
      if (known.failure() == null && fetched.size() < MAX_CACHED) {
        fetched.put(uri, known);
      }
    }
    return known.failure() == null && known.length() == null
        ? new Prompt(defaultLength, null)
        : known;
  }

  private Prompt fetch(String uri, String callId) {
    journal.record(Channel.GRAPH, Direction.OUT, "prompt fetch", callId, Map.of("url", uri), null);
    URI target;
    try {
      target = URI.create(uri);
      if (target.getScheme() == null || !target.getScheme().startsWith("http")) {
        return failed(uri, callId, 0, "the URI is not http(s)");
      }
    } catch (IllegalArgumentException malformed) {
      return failed(uri, callId, 0, "the URI is malformed");
    }
    try {
      HttpResponse<byte[]> response =
          client.send(
              HttpRequest.newBuilder(target).timeout(timeout).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() / 100 != 2) {
        return failed(uri, callId, response.statusCode(), "HTTP " + response.statusCode());
      }
      journal.record(
          Channel.GRAPH,
          Direction.IN,
          "prompt fetch reply",
          callId,
          Map.of("url", uri, "status", "200", "bytes", Integer.toString(response.body().length)),
          null);
      return new Prompt(wavLength(response.body()).orElse(null), null);
    } catch (IOException unreachable) {
      return failed(uri, callId, 0, "unreachable: " + unreachable.getMessage());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return failed(uri, callId, 0, "interrupted");
    }
  }

  private Prompt failed(String uri, String callId, int status, String why) {
    journal.record(
        Channel.GRAPH,
        Direction.IN,
        "prompt fetch reply",
        callId,
        Map.of("url", uri, "status", Integer.toString(status), "failure", why),
        null);
    return new Prompt(null, why);
  }

  /** The play length of a RIFF/WAVE file: data bytes over the fmt chunk's byte rate. */
  static Optional<Duration> wavLength(byte[] file) {
    if (file.length < 12
        || !new String(file, 0, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("RIFF")
        || !new String(file, 8, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("WAVE")) {
      return Optional.empty();
    }
    ByteBuffer buffer = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    long byteRate = 0;
    int at = 12;
    while (at + 8 <= file.length) {
      String id = new String(file, at, 4, java.nio.charset.StandardCharsets.US_ASCII);
      long size = Integer.toUnsignedLong(buffer.getInt(at + 4));
      if (id.equals("fmt ") && at + 20 <= file.length) {
        byteRate = Integer.toUnsignedLong(buffer.getInt(at + 16));
      } else if (id.equals("data") && byteRate > 0) {
        long bytes = Math.min(size, file.length - at - 8L);
        return Optional.of(Duration.ofNanos(bytes * 1_000_000_000L / byteRate));
      }
      at += 8 + (int) size + (int) (size & 1);
    }
    return Optional.empty();
  }
}
