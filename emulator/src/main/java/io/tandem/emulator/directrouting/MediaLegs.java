package io.tandem.emulator.directrouting;

/** Opens RTP endpoints for call legs. */
interface MediaLegs extends AutoCloseable {

  /** A new leg that plays {@code audio} ({@code tone:<hz>}, {@code silence} or a WAV path). */
  MediaLeg open(String audio);

  @Override
  void close();
}
