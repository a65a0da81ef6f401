package io.tandem.server.eventlog;

/**
 * A JSON value that does not decode to what its field declares; {@link EventCodec} adds the event
 * type and turns it into an {@link EventCodecException}.
 */
final class InvalidValue extends RuntimeException {

  private final String field;

  InvalidValue(String field, String problem) {
    super(problem, null, false, false);
    this.field = field;
  }

  /** The field's path inside the payload, e.g. {@code config.stages[1].after}. */
  String field() {
    return field;
  }

  /** What is wrong with it. */
  String problem() {
    return getMessage();
  }
}
