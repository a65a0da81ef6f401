package io.tandem.media.dtmf;

import io.tandem.media.audio.FrameFormat;
import io.tandem.media.audio.Goertzel;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether one frame of 8 kHz PCM holds a DTMF digit, by Goertzel power at the eight keypad
 * frequencies (each the best of five probes across the nominal frequency ±1.5%, Q.24's tolerance)
 * and four checks (after spandsp's {@code dtmf.c} and ITU-T Q.24):
 *
 * <ol>
 *   <li><b>level</b>: the strongest row and column tone each reach {@link #MIN_TONE_POWER} (about
 *       −35 dBm0);
 *   <li><b>twist</b>: the row tone is at most 8 dB above the column tone ("normal" twist) and at
 *       most 4 dB below it ("reverse" twist);
 *   <li><b>relative peak</b>: each is at least 6 dB above every other tone of its group;
 *   <li><b>purity</b>: the two tones carry at least 85% of the frame's power, which rejects speech,
 *       music and noise that happen to have energy near the keypad frequencies.
 * </ol>
 */
public final class DtmfToneClassifier {

  /** Minimum power of each tone: a sine of amplitude 400 (about −35 dBm0 in G.711). */
  static final double MIN_TONE_POWER = 400.0 * 400.0 / 2;

  private static final double NORMAL_TWIST = 6.3; // 8 dB
  private static final double REVERSE_TWIST = 2.5; // 4 dB
  private static final double RELATIVE_PEAK = 4.0; // 6 dB
  private static final double MIN_PURITY = 0.85;

  /**
   * Each tone is probed at its nominal frequency, ±0.75% and ±1.5% (Q.24's tolerance); the best
   * counts.
   */
  private static final double[] DEVIATIONS = {0.985, 0.9925, 1.0, 1.0075, 1.015};

  /** The digit whose tones fill {@code frame}, or null. */
  public @Nullable DtmfDigit classify(short[] frame) {
    double[] rows = powers(frame, DtmfDigit.ROW_FREQUENCIES);
    double[] columns = powers(frame, DtmfDigit.COLUMN_FREQUENCIES);
    int row = strongest(rows);
    int column = strongest(columns);
    double rowPower = rows[row];
    double columnPower = columns[column];
    if (rowPower < MIN_TONE_POWER || columnPower < MIN_TONE_POWER) {
      return null;
    }
    if (rowPower > columnPower * NORMAL_TWIST || columnPower > rowPower * REVERSE_TWIST) {
      return null;
    }
    if (!standsOut(rows, row) || !standsOut(columns, column)) {
      return null;
    }
    if (rowPower + columnPower < MIN_PURITY * FrameFormat.meanPower(frame)) {
      return null;
    }
    return DtmfDigit.atKeypad(row, column);
  }

  private static double[] powers(short[] frame, int[] frequencies) {
    double[] powers = new double[frequencies.length];
    for (int i = 0; i < frequencies.length; i++) {
      double nominal = frequencies[i];
      powers[i] = 0;
      for (double deviation : DEVIATIONS) {
        powers[i] =
            Math.max(
                powers[i], Goertzel.power(frame, nominal * deviation, FrameFormat.SAMPLE_RATE));
      }
    }
    return powers;
  }

  private static int strongest(double[] powers) {
    int best = 0;
    for (int i = 1; i < powers.length; i++) {
      if (powers[i] > powers[best]) {
        best = i;
      }
    }
    return best;
  }

  private static boolean standsOut(double[] powers, int best) {
    for (int i = 0; i < powers.length; i++) {
      if (i != best && powers[i] * RELATIVE_PEAK > powers[best]) {
        return false;
      }
    }
    return true;
  }
}
