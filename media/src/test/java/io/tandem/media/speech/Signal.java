package io.tandem.media.speech;

/** Loudness measures of test audio. */
final class Signal {

  private Signal() {}

  /** Root mean square of {@code samples}. */
  static double rms(short[] samples) {
    double sum = 0;
    for (short sample : samples) {
      sum += (double) sample * sample;
    }
    return samples.length == 0 ? 0 : Math.sqrt(sum / samples.length);
  }

  /** The largest absolute sample. */
  static int peak(short[] samples) {
    int peak = 0;
    for (short sample : samples) {
      peak = Math.max(peak, Math.abs(sample));
    }
    return peak;
  }
}
