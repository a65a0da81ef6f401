package io.tandem.server.demo;

import io.tandem.core.simulation.Distribution;
import java.time.Duration;
import java.util.Objects;

/**
 * How the demo's simulated callers behave outside the queue (in the queue, their patience and
 * handle time come from the tenant's scenario).
 *
 * @param promptLength how long every prompt of the virtual assistant plays
 * @param pressAfter time from the start of the menu prompt to the caller's key press
 * @param silentShare share of callers (0-1) who press no key and so reach the menu's no-input queue
 * @param voicemailLength how long a caller sent to voicemail speaks before hanging up
 */
public record CallerHabits(
    Duration promptLength, Distribution pressAfter, double silentShare, Duration voicemailLength) {

  public CallerHabits {
    Objects.requireNonNull(promptLength, "promptLength");
    Objects.requireNonNull(pressAfter, "pressAfter");
    Objects.requireNonNull(voicemailLength, "voicemailLength");
  }
}
