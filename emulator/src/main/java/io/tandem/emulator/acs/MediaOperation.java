package io.tandem.emulator.acs;

/**
 * A queued play or recognize of one call. {@link CallMedia} runs one at a time and calls every
 * method while holding its own lock.
 */
interface MediaOperation extends CallerListener {

  void start();

  /** Stops the operation and reports it cancelled (PlayCanceled, RecognizeCanceled). */
  void cancel();
}
