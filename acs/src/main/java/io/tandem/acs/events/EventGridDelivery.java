package io.tandem.acs.events;

import java.util.List;

/** One POST from Event Grid to the application's webhook. */
public sealed interface EventGridDelivery {

  /**
   * The subscription-validation handshake: answer {@code {"validationResponse": code}} to prove the
   * endpoint wants the events.
   */
  record Validation(String validationCode) implements EventGridDelivery {}

  /**
   * Events: the incoming calls and the stored recording files among them, in order (other event
   * types are left out).
   */
  record Events(
      List<IncomingCall> incomingCalls, List<RecordingFileReady> recordingFiles, int skipped)
      implements EventGridDelivery {

    public Events {
      incomingCalls = List.copyOf(incomingCalls);
      recordingFiles = List.copyOf(recordingFiles);
    }

    /** Incoming calls only. */
    public Events(List<IncomingCall> incomingCalls, int skipped) {
      this(incomingCalls, List.of(), skipped);
    }
  }
}
