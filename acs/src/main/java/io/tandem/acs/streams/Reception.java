package io.tandem.acs.streams;

/** What a {@link StreamSession} did with one text frame. */
public sealed interface Reception {

  /** The frame was parsed and handed to the sink. */
  record Accepted(StreamFrame frame) implements Reception {}

  /**
   * The frame never reached the sink; {@code limitReached} once the connection has had as many
   * refused frames as it may, and should be closed with 1007 (invalid frame payload data).
   */
  record Refused(Refusal reason, String detail, boolean limitReached) implements Reception {}

  /** Why a frame was refused; {@link #tag()} is the metric tag. */
  enum Refusal {
    /** Not JSON, an unknown kind, a missing or mistyped field, a value out of bounds. */
    MALFORMED("malformed"),
    /** A valid frame of the other socket's kinds (audio on a transcription socket). */
    WRONG_KIND("wrong-kind"),
    /** Data before the socket's metadata frame. */
    BEFORE_METADATA("before-metadata"),
    /** Metadata naming another call connection than the handshake did. */
    OTHER_CALL("other-call"),
    /** A frame longer than the endpoint takes; its text was never kept. */
    TOO_LARGE("too-large"),
    /** A frame after the session was closed. */
    CLOSED("closed");

    private final String tag;

    Refusal(String tag) {
      this.tag = tag;
    }

    public String tag() {
      return tag;
    }
  }
}
