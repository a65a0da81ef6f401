package io.tandem.acs.streams;

/**
 * Where the frames of a transcription socket go, per call connection. Called from the socket's
 * thread, one call at a time per connection and concurrently for different connections; an
 * implementation must not block.
 */
public interface TranscriptSink {

  /** The socket's {@code TranscriptionMetadata} (again after a locale update). */
  void metadata(String callConnectionId, StreamFrame.TranscriptionMetadata metadata);

  /** An intermediate or final result, in the order ACS sent them. */
  void segment(String callConnectionId, StreamFrame.TranscriptionData data);

  /** The socket closed (stopped, hung up, or refused after too many bad frames); called once. */
  void closed(String callConnectionId);
}
