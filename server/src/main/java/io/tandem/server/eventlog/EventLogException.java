package io.tandem.server.eventlog;

/**
 * An append or read that the event log refused or could not carry out: the database failed, a
 * sequence number was not the next one (another writer appended to the tenant), or a stored event
 * no longer decodes.
 */
public final class EventLogException extends RuntimeException {

  EventLogException(String message) {
    super(message);
  }

  EventLogException(String message, Throwable cause) {
    super(message, cause);
  }
}
