package io.tandem.sip.stack;

/** Receives the responses of one client transaction, on the Call-ID's lane. */
public interface ResponseHandler {

  /** A provisional or final response to the request. */
  void onResponse(InboundResponse response);

  /**
   * No final response came in time (Timer B/F), or the request could not be sent at all (the
   * transport failed): treated as a 408.
   */
  void onTimeout();
}
