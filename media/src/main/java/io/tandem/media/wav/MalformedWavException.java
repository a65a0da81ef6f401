package io.tandem.media.wav;

/** Bytes that are not a WAV file this package reads: the message says what is wrong. */
public final class MalformedWavException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  MalformedWavException(String message) {
    super(message);
  }
}
