package io.tandem.emulator.acs;

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
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * Downloads audio files for play and recognize prompts with a GET (journaled), and tells how long
 * they play: WAV by its header, MP3 three seconds; anything else is an invalid format. Blocking:
 * call it from a virtual thread.
 */
final class PlaySourceFetcher {

  /** What a download gave: a play duration, or the failure to report. */
  record Fetched(@Nullable Duration duration, @Nullable ResultInformation failure) {}

  private static final Duration MP3_DURATION = Duration.ofSeconds(3);

  private final HttpClient client;
  private final Journal journal;
  private final Duration timeout;

  PlaySourceFetcher(@Nullable SSLContext trust, Journal journal, Duration timeout) {
    HttpClient.Builder builder =
        HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1);
    if (trust != null) {
      builder.sslContext(trust);
    }
    this.client = builder.build();
    this.journal = journal;
    this.timeout = timeout;
  }

  Fetched fetch(String callId, URI uri) {
    journal.record(
        Channel.ACS, Direction.OUT, "GET play source", callId, Map.of("url", uri.toString()), null);
    int status;
    byte[] body;
    try {
      HttpResponse<byte[]> response =
          client.send(
              HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      status = response.statusCode();
      body = response.body();
    } catch (IOException | IllegalArgumentException unreachable) {
      status = 0;
      body = new byte[0];
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      status = 0;
      body = new byte[0];
    }
    journal.record(
        Channel.ACS,
        Direction.IN,
        "GET play source reply",
        callId,
        Map.of(
            "url",
            uri.toString(),
            "status",
            Integer.toString(status),
            "bytes",
            Integer.toString(body.length)),
        null);
    if (status < 200 || status >= 300) {
      return new Fetched(null, ResultInformation.PLAY_DOWNLOAD_FAILED);
    }
    Duration wav = wavDuration(body);
    if (wav != null) {
      return new Fetched(wav, null);
    }
    if (isMp3(body)) {
      return new Fetched(MP3_DURATION, null);
    }
    return new Fetched(null, ResultInformation.PLAY_INVALID_FORMAT);
  }

  /** The duration of a RIFF/WAVE file from its {@code fmt } byte rate and {@code data} size. */
  static @Nullable Duration wavDuration(byte[] file) {
    if (file.length < 12 || !ascii(file, 0, "RIFF") || !ascii(file, 8, "WAVE")) {
      return null;
    }
    ByteBuffer buffer = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    long byteRate = 0;
    int offset = 12;
    while (offset + 8 <= file.length) {
      long size = buffer.getInt(offset + 4) & 0xffffffffL;
      if (ascii(file, offset, "fmt ") && offset + 20 <= file.length) {
        byteRate = buffer.getInt(offset + 16) & 0xffffffffL;
      } else if (ascii(file, offset, "data")) {
        long bytes = Math.min(size, file.length - offset - 8L);
        return byteRate == 0 ? null : Duration.ofMillis(bytes * 1000 / byteRate);
      }
      offset += 8 + (int) size + (int) (size & 1);
    }
    return null;
  }

  private static boolean isMp3(byte[] file) {
    return (file.length >= 3 && ascii(file, 0, "ID3"))
        || (file.length >= 2 && (file[0] & 0xff) == 0xff && (file[1] & 0xe0) == 0xe0);
  }

  private static boolean ascii(byte[] bytes, int offset, String text) {
    if (offset + text.length() > bytes.length) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (bytes[offset + i] != text.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
