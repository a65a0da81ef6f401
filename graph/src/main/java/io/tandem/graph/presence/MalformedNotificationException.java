package io.tandem.graph.presence;

/**
 * A POST to the notification URL that is no Graph notification at all (not JSON, no {@code value}
 * array). The endpoint answers 400; nothing reaches the feed.
 */
public final class MalformedNotificationException extends Exception {

  private static final long serialVersionUID = 1L;

  public MalformedNotificationException(String message) {
    super(message);
  }
}
