package io.tandem.server.unify.streams;

import io.tandem.acs.streams.StreamFrame.ResultStatus;
import java.time.Instant;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/** Stream frames as ACS writes them (MICROSOFT-CONTRACTS §3.6), for tests. */
final class Frames {

  static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
  private static final String PCM = Base64.getEncoder().encodeToString(new byte[640]);

  private Frames() {}

  static String transcriptionMetadata(String callConnectionId, String locale) {
    return "{\"kind\":\"TranscriptionMetadata\",\"transcriptionMetadata\":{\"subscriptionId\":\"s1\","
        + "\"locale\":\""
        + locale
        + "\",\"callConnectionId\":\""
        + callConnectionId
        + "\",\"correlationId\":\"c1\"}}";
  }

  static String transcriptionData(String text, ResultStatus status, long offsetTicks) {
    return "{\"kind\":\"TranscriptionData\",\"transcriptionData\":{\"text\":\""
        + text
        + "\",\"format\":\"display\",\"confidence\":0.9,\"offset\":"
        + offsetTicks
        + ",\"duration\":5000000,\"words\":[],\"participantRawID\":\"4:+14255550123\","
        + "\"resultStatus\":\""
        + (status == ResultStatus.FINAL ? "Final" : "Intermediate")
        + "\"}}";
  }

  static String audioMetadata() {
    return "{\"kind\":\"AudioMetadata\",\"audioMetadata\":{\"subscriptionId\":\"m1\","
        + "\"encoding\":\"PCM\",\"sampleRate\":16000,\"channels\":1,\"length\":640}}";
  }

  static String audioData(long millis, @Nullable String participant, boolean silent) {
    return "{\"kind\":\"AudioData\",\"audioData\":{\"timestamp\":\""
        + T0.plusMillis(millis)
        + "\","
        + (participant == null ? "" : "\"participantRawID\":\"" + participant + "\",")
        + "\"data\":\""
        + PCM
        + "\",\"silent\":"
        + silent
        + "}}";
  }
}
