package io.tandem.server.eventlog;

/**
 * An event that cannot be turned into JSON or back: an unknown type name, malformed JSON, a
 * missing, unknown or ill-typed field, or a value the domain rejects. The message names the event
 * type and the field.
 */
public final class EventCodecException extends RuntimeException {

  EventCodecException(String message) {
    super(message);
  }

  EventCodecException(String message, Throwable cause) {
    super(message, cause);
  }
}
