package io.tandem.core.queue;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What happens to an interaction that must leave a queue: on overflow (max wait, max length), when
 * no agent is logged in, or when the queue is closed.
 */
public sealed interface QueueAction {

  /** Moves the interaction to another queue, keeping its place in arrival order. */
  record ToQueue(QueueId queue) implements QueueAction {
    public ToQueue {
      Objects.requireNonNull(queue, "queue");
    }
  }

  /** Sends the caller to a voicemail box. */
  record ToVoicemail(String mailbox) implements QueueAction {
    public ToVoicemail {
      if (mailbox == null || mailbox.isBlank()) {
        throw new IllegalArgumentException("voicemail mailbox must not be blank");
      }
    }
  }

  /** Turns the call into a callback request that keeps the caller's place. */
  record OfferCallback() implements QueueAction {}

  /** Forwards the call to a phone number ({@code +E164}); the interaction ends for the queue. */
  record ToNumber(String number) implements QueueAction {
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    public ToNumber {
      if (number == null || !E164.matcher(number).matches()) {
        throw new IllegalArgumentException("forward number must be +E164, got '" + number + "'");
      }
    }
  }

  /** Plays {@code message} (a prompt file or text) and hangs up. */
  record Disconnect(String message) implements QueueAction {
    public Disconnect {
      Objects.requireNonNull(message, "message");
    }
  }
}
