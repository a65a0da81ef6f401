package io.tandem.emulator.pstn.trunk;

import io.tandem.media.audio.AudioSource;
import io.tandem.media.audio.FrameFormat;

/**
 * A caller's voice stand-in: phrases of six voiced syllables (180 ms each, 70 ms apart, pitch
 * stepping between 120 and 180 Hz, three harmonics) followed by 900 ms of silence, endlessly. Loud
 * enough for a voice activity detector, with no energy near the DTMF frequencies.
 */
final class VoiceLikeSource implements AudioSource {

  static final int SYLLABLE_SAMPLES = 1440;
  static final int GAP_SAMPLES = 560;
  static final int SYLLABLES_PER_PHRASE = 6;
  static final int PAUSE_SAMPLES = 7200;
  private static final int PHRASE_SAMPLES =
      SYLLABLES_PER_PHRASE * (SYLLABLE_SAMPLES + GAP_SAMPLES) + PAUSE_SAMPLES;
  private static final double[] PITCHES = {150, 170, 135, 180, 160, 120};
  private static final double AMPLITUDE = 6000;

  private long sample;
  private double phase;

  @Override
  public boolean read(short[] frame) {
    for (int i = 0; i < frame.length; i++, sample++) {
      int inPhrase = (int) (sample % PHRASE_SAMPLES);
      int syllable = inPhrase / (SYLLABLE_SAMPLES + GAP_SAMPLES);
      int inSyllable = inPhrase % (SYLLABLE_SAMPLES + GAP_SAMPLES);
      if (syllable >= SYLLABLES_PER_PHRASE || inSyllable >= SYLLABLE_SAMPLES) {
        frame[i] = 0;
        continue;
      }
      phase += 2 * Math.PI * PITCHES[syllable] / FrameFormat.SAMPLE_RATE;
      double envelope = Math.sin(Math.PI * inSyllable / SYLLABLE_SAMPLES);
      double voiced =
          0.6 * Math.sin(phase) + 0.3 * Math.sin(2 * phase) + 0.15 * Math.sin(3 * phase);
      frame[i] = (short) Math.round(AMPLITUDE * envelope * voiced);
    }
    return true;
  }
}
