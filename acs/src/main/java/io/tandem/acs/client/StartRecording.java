package io.tandem.acs.client;

import java.net.URI;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A recording of a call connection: where RecordingStateChanged goes (the call's callback when
 * null), content {@code audio} or {@code audioVideo}, channel {@code mixed} or {@code unmixed},
 * format {@code wav}, {@code mp3} or {@code mp4}, and whether it starts paused.
 */
public record StartRecording(
    @Nullable URI stateCallbackUri,
    String content,
    String channel,
    String format,
    boolean pauseOnStart) {

  public StartRecording {
    if (stateCallbackUri != null) {
      Requests.requireAbsolute(stateCallbackUri, "stateCallbackUri");
    }
    Requests.requireOneOf(content, Set.of("audio", "audioVideo"), "content");
    Requests.requireOneOf(channel, Set.of("mixed", "unmixed"), "channel");
    Requests.requireOneOf(format, Set.of("wav", "mp3", "mp4"), "format");
  }

  /** Mixed audio as WAV, running at once, state to {@code stateCallbackUri}. */
  public static StartRecording mixedAudio(@Nullable URI stateCallbackUri) {
    return new StartRecording(stateCallbackUri, "audio", "mixed", "wav", false);
  }
}
