package io.tandem.media.prompts;

import io.tandem.media.audio.FrameFormat;
import io.tandem.media.audio.PcmAudio;

/**
 * The default music on hold: 24 seconds of a calm arpeggiated progression in C major (C, Am, F, G,
 * C, Em, F, G; 80 beats a minute, one chord a bar, eighth notes) over a soft bass, at 8 kHz, made
 * to loop without a seam: every note's decaying tail wraps around from the end to the start.
 *
 * <p>Each note is a sine with weaker second and third harmonics (a mellow, bell-like timbre) under
 * a 10 ms attack, an exponential decay and a 50 ms fade at its end. {@link StrictMath} makes the
 * samples identical on every JVM, so the shipped file is exactly what {@link #generate()} returns.
 * The peak is normalized to half of full scale, which leaves room in G.711.
 */
public final class MusicOnHold {

  private static final int RATE = FrameFormat.SAMPLE_RATE;
  private static final double BAR_SECONDS = 3.0;
  private static final int EIGHTHS_PER_BAR = 8;
  private static final int[] BASS = {48, 45, 41, 43, 48, 40, 41, 43};
  private static final int[][] CHORDS = {
    {72, 76, 79, 84}, // C
    {69, 72, 76, 81}, // Am
    {69, 72, 77, 81}, // F
    {67, 71, 74, 79}, // G
    {72, 76, 79, 84}, // C
    {67, 71, 76, 79}, // Em
    {69, 72, 77, 81}, // F
    {67, 71, 74, 79} // G
  };
  private static final int[] PATTERN = {0, 1, 2, 3, 2, 1, 2, 3};

  private MusicOnHold() {}

  /** How long one pass of the loop lasts: 24 s. */
  public static double seconds() {
    return BAR_SECONDS * CHORDS.length;
  }

  /** The loop, 8 kHz, deterministic. */
  public static PcmAudio generate() {
    int length = (int) (seconds() * RATE);
    double[] mix = new double[length];
    int bar = (int) (BAR_SECONDS * RATE);
    int eighth = bar / EIGHTHS_PER_BAR;
    for (int chord = 0; chord < CHORDS.length; chord++) {
      int barStart = chord * bar;
      addNote(mix, barStart, BASS[chord], 0.9, 1.2, 3 * bar);
      for (int step = 0; step < EIGHTHS_PER_BAR; step++) {
        int note = CHORDS[chord][PATTERN[step]];
        double loudness = step == 0 ? 0.75 : 0.55;
        addNote(mix, barStart + step * eighth, note, loudness, 0.45, 3 * RATE);
      }
    }
    return PcmAudio.narrowband(normalized(mix, 0.5));
  }

  /** Adds one note of MIDI number {@code midi} at {@code start}, wrapping around the end. */
  private static void addNote(
      double[] mix, int start, int midi, double loudness, double decaySeconds, int samples) {
    double frequency = 440 * StrictMath.pow(2, (midi - 69) / 12.0);
    int attack = RATE / 100;
    int release = RATE / 20;
    for (int i = 0; i < samples; i++) {
      double t = (double) i / RATE;
      double ramp = Math.min(1, Math.min((double) i / attack, (double) (samples - i) / release));
      double envelope = ramp * StrictMath.exp(-t / decaySeconds) * loudness;
      double phase = 2 * StrictMath.PI * frequency * t;
      double tone =
          StrictMath.sin(phase) + 0.3 * StrictMath.sin(2 * phase) + 0.1 * StrictMath.sin(3 * phase);
      mix[(start + i) % mix.length] += envelope * tone;
    }
  }

  private static short[] normalized(double[] mix, double peakShare) {
    double peak = 0;
    for (double value : mix) {
      peak = Math.max(peak, Math.abs(value));
    }
    short[] samples = new short[mix.length];
    double gain = peakShare * Short.MAX_VALUE / peak;
    for (int i = 0; i < mix.length; i++) {
      samples[i] = (short) StrictMath.round(mix[i] * gain);
    }
    return samples;
  }
}
