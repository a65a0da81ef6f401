package io.tandem.acs.events;

import java.util.List;

/** One POST from Event Grid to the application's webhook. */
public sealed interface EventGridDelivery {

  /**
   * The subscription-validation handshake: answer {@code {"validationResponse": code}} to prove the
   * endpoint wants the events.
   */
  record Validation(String validationCode) implements EventGridDelivery {}

  /** Events: the incoming calls among them, in order (other event types are left out). */
  record Events(List<IncomingCall> incomingCalls, int skipped) implements EventGridDelivery {

    public Events {
      incomingCalls = List.copyOf(incomingCalls);
    }
  }
}
