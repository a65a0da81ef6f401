package io.tandem.graph.calls;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A Graph {@code commsOperation} as an action's reply or a completion notification reports it.
 * Status is parsed case-insensitively (the CSDL says PascalCase, payloads use lowercase).
 */
public record CommsOperation(
    String id, Status status, @Nullable String clientContext, @Nullable ResultInfo resultInfo) {

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
