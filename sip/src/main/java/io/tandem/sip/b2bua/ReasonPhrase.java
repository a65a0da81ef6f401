package io.tandem.sip.b2bua;

/** The reason phrase Tandem sends with a final status it passes on from another leg. */
final class ReasonPhrase {

  private ReasonPhrase() {}

  /** The phrase of {@code status} (RFC 3261 §21), or a generic one for its class. */
  static String of(int status) {
    return switch (status) {
      case 404 -> "Not Found";
      case 408 -> "Request Timeout";
      case 480 -> "Temporarily Unavailable";
      case 486 -> "Busy Here";
      case 487 -> "Request Terminated";
      case 488 -> "Not Acceptable Here";
      case 503 -> "Service Unavailable";
      case 603 -> "Decline";
      default -> status >= 600 ? "Global Failure" : status >= 500 ? "Server Error" : "Refused";
    };
  }
}
