package io.tandem.media.dtmf;

import io.tandem.media.audio.AudioSource;
import io.tandem.media.audio.ClipSource;
import io.tandem.media.audio.FrameFormat;
import io.tandem.media.audio.PcmAudio;
import java.time.Duration;

/**
 * Makes in-band DTMF: the digit's row and column sines summed (ITU-T Q.23), at 8 kHz.
 *
 * @param amplitude the peak amplitude of each of the two sines (default 5000, about −13 dBm0 per
 *     tone in G.711, within Q.24's accepted levels)
 */
public record DtmfToneGenerator(int amplitude) {

  /** Tones of amplitude 5000 each. */
  public static final DtmfToneGenerator DEFAULT = new DtmfToneGenerator(5000);

  /** Validates that two tones fit in 16 bits. */
  public DtmfToneGenerator {
    if (amplitude < 0 || amplitude > Short.MAX_VALUE / 2) {
      throw new IllegalArgumentException("amplitude out of range 0..16383: " + amplitude);
    }
  }

  /** {@code length} of the digit's tone. */
  public short[] tone(DtmfDigit digit, Duration length) {
    short[] samples = new short[FrameFormat.samplesIn(length)];
    double row = 2 * Math.PI * digit.rowFrequency() / FrameFormat.SAMPLE_RATE;
    double column = 2 * Math.PI * digit.columnFrequency() / FrameFormat.SAMPLE_RATE;
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (short) Math.round(amplitude * (Math.sin(row * i) + Math.sin(column * i)));
    }
    return samples;
  }

  /**
   * A source playing the symbols of {@code digits} in band: 100 ms tones with 100 ms pauses (Q.24
   * asks for at least 40 ms of each).
   */
  public AudioSource source(String digits) {
    return ClipSource.once(
        PcmAudio.narrowband(sequence(digits, Duration.ofMillis(100), Duration.ofMillis(100))));
  }

  /** The symbols of {@code digits} as tones of {@code toneLength}, each followed by a pause. */
  public short[] sequence(String digits, Duration toneLength, Duration pause) {
    int toneSamples = FrameFormat.samplesIn(toneLength);
    int step = toneSamples + FrameFormat.samplesIn(pause);
    short[] samples = new short[step * digits.length()];
    for (int i = 0; i < digits.length(); i++) {
      short[] tone = tone(DtmfDigit.ofSymbol(digits.charAt(i)), toneLength);
      System.arraycopy(tone, 0, samples, i * step, toneSamples);
    }
    return samples;
  }
}
