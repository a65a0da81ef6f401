package io.tandem.emulator.directrouting.sip;

/**
 * Hears the responses to one request the emulator sent, on that call's serial executor: every
 * provisional and the final response, or a transaction timeout.
 */
public interface ResponseHandler {

  void onResponse(IncomingResponse response);

  /** No final response came before the transaction timed out (Timer B/F), or sending failed. */
  default void onTimeout() {}
}
