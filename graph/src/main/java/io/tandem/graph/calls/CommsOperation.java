package io.tandem.graph.calls;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A Graph {@code commsOperation} as an action's reply or a completion notification reports it.
 * Status is parsed case-insensitively (the CSDL says PascalCase, payloads use lowercase). A {@code
 * recordOperation} also carries {@code recordingLocation} and {@code recordingAccessToken}.
 */
public record CommsOperation(
    String id,
    Status status,
    @Nullable String clientContext,
    @Nullable ResultInfo resultInfo,
    @Nullable String recordingLocation,
    @Nullable String recordingAccessToken) {

  /** An operation other than a {@code recordOperation}. */
  public CommsOperation(
      String id, Status status, @Nullable String clientContext, @Nullable ResultInfo resultInfo) {
    this(id, status, clientContext, resultInfo, null, null);
  }

  /**
   * Where a completed {@code recordOperation}'s audio is, if it has any: {@code recordingLocation}
   * and {@code recordingAccessToken} both non-empty (a failed recording carries empty ones).
   */
  public boolean hasRecording() {
    return recordingLocation != null
        && !recordingLocation.isEmpty()
        && recordingAccessToken != null
        && !recordingAccessToken.isEmpty();
  }

  /** {@code operationStatus}. */
  public enum Status {
    NOT_STARTED,
    RUNNING,
    COMPLETED,
    FAILED,
    UNKNOWN;

    /**
     * Parses {@code notStarted}, {@code NotStarted}, {@code running}, … ; anything else is UNKNOWN.
     */
    public static Status parse(String value) {
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "notstarted" -> NOT_STARTED;
        case "running" -> RUNNING;
        case "completed" -> COMPLETED;
        case "failed" -> FAILED;
        default -> UNKNOWN;
      };
    }
  }
}
