package io.tandem.acs.client;

import java.time.Duration;
import java.util.List;

/**
 * How a DTMF recognize collects tones: the longest gap between tones (1–60 s, whole seconds), the
 * most tones to collect, and the tones that end collection.
 */
public record DtmfOptions(Duration interToneTimeout, int maxTones, List<Tone> stopTones) {

  public DtmfOptions {
    Requests.requireSeconds(interToneTimeout, 1, 60, "interToneTimeout");
    if (maxTones < 1) {
      throw new IllegalArgumentException("maxTones must be at least 1");
    }
    stopTones = List.copyOf(stopTones);
  }
}
