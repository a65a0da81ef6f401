package io.tandem.media.mix;

import io.tandem.media.audio.FrameFormat;

/**
 * "Mix-minus": one 20 ms frame per participant in, one out, each output the sum of every other
 * participant's input, saturated to 16 bits. A participant that does not contribute (muted) is
 * heard by nobody but still hears everyone else.
 */
public final class FrameMixer {

  private FrameMixer() {}

  /**
   * Fills {@code outputs[i]} with the sum of {@code inputs[j]} for every contributing {@code j ≠
   * i}.
   *
   * @param inputs one frame per participant
   * @param contributing whether each participant's input is mixed in
   * @param outputs one frame per participant, overwritten
   */
  public static void mixMinusOne(short[][] inputs, boolean[] contributing, short[][] outputs) {
    int participants = inputs.length;
    if (contributing.length != participants || outputs.length != participants) {
      throw new IllegalArgumentException("one input, flag and output per participant");
    }
    int samples = FrameFormat.SAMPLES;
    int[] sum = new int[samples];
    for (int p = 0; p < participants; p++) {
      if (contributing[p]) {
        for (int s = 0; s < samples; s++) {
          sum[s] += inputs[p][s];
        }
      }
    }
    for (int p = 0; p < participants; p++) {
      for (int s = 0; s < samples; s++) {
        int own = contributing[p] ? inputs[p][s] : 0;
        outputs[p][s] = FrameFormat.saturate(sum[s] - own);
      }
    }
  }
}
