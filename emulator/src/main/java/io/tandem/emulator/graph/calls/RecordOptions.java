package io.tandem.emulator.graph.calls;

import io.tandem.emulator.graph.GraphErrors;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code recordResponse} as call-record.md defines it: at most one prompt, and the
 * three limits in whole seconds from 1 to 120 (initial silence and silence after speech default to
 * 5 s, the whole recording to {@code maxRecordDuration}). {@code bargeInAllowed}, {@code playBeep}
 * and {@code stopTones} are accepted and have no effect.
 */
record RecordOptions(
    List<String> prompts,
    Duration maxRecordDuration,
    Duration initialSilenceTimeout,
    Duration maxSilenceTimeout,
    @Nullable String clientContext) {

  static final int MAX_SECONDS = 120;
  static final Duration DEFAULT_SILENCE = Duration.ofSeconds(5);

  static RecordOptions parse(JsonNode body, Duration defaultMaxRecordDuration) {
    List<String> prompts = Bodies.prompts(body, false);
    if (prompts.size() > 1) {
      throw GraphErrors.badRequest(
          "The property 'prompts' has "
              + prompts.size()
              + " entries; recordResponse supports at most 1.");
    }
    return new RecordOptions(
        prompts,
        seconds(body, "maxRecordDurationInSeconds", defaultMaxRecordDuration),
        seconds(body, "initialSilenceTimeoutInSeconds", DEFAULT_SILENCE),
        seconds(body, "maxSilenceTimeoutInSeconds", DEFAULT_SILENCE),
        Bodies.clientContext(body));
  }

  private static Duration seconds(JsonNode body, String name, Duration fallback) {
    Integer seconds = Bodies.optionalInt(body, name, 1, MAX_SECONDS);
    return seconds == null ? fallback : Duration.ofSeconds(seconds);
  }
}
