package io.tandem.media.wav;

import io.tandem.media.audio.FrameFormat;
import io.tandem.media.audio.PcmAudio;

/**
 * Changes the sample rate of a clip, chiefly to bring 16, 22.05, 24, 44.1 and 48 kHz prompts down
 * to 8 kHz.
 *
 * <p>Method: band-limited interpolation with a Blackman-windowed sinc low-pass (J. O. Smith,
 * "Digital Audio Resampling", CCRMA), evaluated directly at each output instant. The cut-off is 90%
 * of the lower Nyquist frequency (3.6 kHz for 8 kHz output) and the kernel spans 16 zero crossings
 * each side, which gives about 74 dB of stop-band rejection: enough that nothing audible folds back
 * into the telephone band. Chosen over a polyphase bank because it handles any ratio (44.1→8 kHz is
 * 441:80) with one short loop; at roughly 200 multiply-adds per output sample it converts a minute
 * of 48 kHz audio in well under a second, and prompts are converted once.
 */
public final class Resampler {

  private static final int ZERO_CROSSINGS = 16;
  private static final double CUTOFF = 0.9;

  private Resampler() {}

  /** {@code audio} at 8 kHz. */
  public static PcmAudio toNarrowband(PcmAudio audio) {
    return resample(audio, FrameFormat.SAMPLE_RATE);
  }

  /** {@code audio} at {@code targetRate} samples per second. */
  public static PcmAudio resample(PcmAudio audio, int targetRate) {
    if (targetRate <= 0) {
      throw new IllegalArgumentException("target rate must be positive: " + targetRate);
    }
    int sourceRate = audio.sampleRate();
    if (sourceRate == targetRate) {
      return audio;
    }
    short[] in = audio.samples();
    double step = (double) sourceRate / targetRate;
    double cutoff = CUTOFF * 0.5 * Math.min(sourceRate, targetRate) / sourceRate;
    double halfWidth = ZERO_CROSSINGS / (2 * cutoff);
    int outLength = (int) ((long) in.length * targetRate / sourceRate);
    short[] out = new short[outLength];
    for (int n = 0; n < outLength; n++) {
      double center = n * step;
      int first = Math.max(0, (int) Math.ceil(center - halfWidth));
      int last = Math.min(in.length - 1, (int) Math.floor(center + halfWidth));
      double sum = 0;
      for (int k = first; k <= last; k++) {
        double distance = center - k;
        sum += in[k] * 2 * cutoff * sinc(2 * cutoff * distance) * blackman(distance / halfWidth);
      }
      out[n] = FrameFormat.saturate((int) Math.round(sum));
    }
    return new PcmAudio(targetRate, out);
  }

  private static double sinc(double x) {
    if (x == 0) {
      return 1;
    }
    double pix = Math.PI * x;
    return Math.sin(pix) / pix;
  }

  /** The Blackman window at {@code u} in [−1, 1]. */
  private static double blackman(double u) {
    return 0.42 + 0.5 * Math.cos(Math.PI * u) + 0.08 * Math.cos(2 * Math.PI * u);
  }
}
