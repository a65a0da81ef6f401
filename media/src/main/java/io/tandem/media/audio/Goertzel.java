package io.tandem.media.audio;

/**
 * The power of one frequency in a block of samples, by the Goertzel algorithm (G. Goertzel, "An
 * algorithm for the evaluation of finite trigonometric series", 1958): a second-order recursion
 * that evaluates one DFT term without computing the others.
 *
 * <p>The result is scaled to the mean power of a matching sine: a sine of amplitude {@code A} at
 * exactly {@code frequency} gives {@code A²/2}, the same units as {@link
 * FrameFormat#meanPower(short[])}.
 */
public final class Goertzel {

  private Goertzel() {}

  /** The power of {@code frequency} Hz in {@code samples} taken at {@code sampleRate}. */
  public static double power(short[] samples, double frequency, int sampleRate) {
    double coefficient = 2 * Math.cos(2 * Math.PI * frequency / sampleRate);
    double previous = 0;
    double beforePrevious = 0;
    for (short sample : samples) {
      double current = sample + coefficient * previous - beforePrevious;
      beforePrevious = previous;
      previous = current;
    }
    double magnitudeSquared =
        previous * previous
            + beforePrevious * beforePrevious
            - coefficient * previous * beforePrevious;
    double n = samples.length;
    return 2 * magnitudeSquared / (n * n);
  }
}
