package io.tandem.acs.streams;

/**
 * Where the frames of a media-streaming socket go, per call connection. Called from the socket's
 * thread, one call at a time per connection and concurrently for different connections; an
 * implementation must not block (50 audio frames a second per participant arrive).
 */
public interface MediaSink {

  /** The socket's {@code AudioMetadata}: the format of the audio that follows. */
  void opened(String callConnectionId, StreamFrame.AudioMetadata metadata);

  /** One packet of audio. */
  void audio(String callConnectionId, StreamFrame.AudioData frame);

  /** A DTMF tone ({@code 0-9}, {@code *}, {@code #}, {@code A-D}). */
  void dtmf(String callConnectionId, String tone);

  /** The socket closed; called once. */
  void closed(String callConnectionId);
}
