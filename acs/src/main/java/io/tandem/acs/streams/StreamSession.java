package io.tandem.acs.streams;

/**
 * One ACS WebSocket connection as seen by Tandem: takes its text frames in order, hands the valid
 * ones to a sink, and counts the refused ones. Confined to the connection's thread.
 */
public sealed interface StreamSession permits TranscriptionSession, MediaSession {

  /** The call connection the handshake named ({@code x-ms-call-connection-id}). */
  String callConnectionId();

  /** Parses {@code text}, checks it fits the session's state, and hands it to the sink. */
  Reception receive(String text);

  /**
   * Counts a frame the endpoint dropped unread because it had {@code chars} characters, more than
   * it takes, as a refused one.
   */
  Reception tooLarge(long chars);

  /** Ends the session and tells the sink, once; later frames are refused. */
  void close();
}
