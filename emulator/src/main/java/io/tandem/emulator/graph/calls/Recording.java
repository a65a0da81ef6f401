package io.tandem.emulator.graph.calls;

import io.tandem.emulator.pstn.CallerScript;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * What one {@code recordResponse} records, worked out from the caller's script: the recording
 * starts when the prompts end; if the caller does not start a sentence within the initial silence
 * timeout it fails (400/8510); otherwise it runs while the caller talks (a third of a second per
 * word) and ends when the silence after the last sentence reaches the max silence timeout
 * (200/8509) or the whole recording reaches its maximum (200/8515).
 *
 * @param length how long the recording runs, from its start
 * @param speech when the caller talks, from the recording's start
 * @param said the sentences recorded
 * @param result the operation's resultInfo when the recording ends
 */
record Recording(Duration length, List<Speech> speech, List<String> said, ObjectNode result) {

  /** One stretch of the caller talking, from the recording's start. */
  record Speech(Duration from, Duration to) {}

  static final Duration PER_WORD = Duration.ofMillis(333);

  /** The beta {@code completionReason} Graph's v1.0 notifications also carry. */
  String completionReason() {
    return switch (result.path("subcode").asInt()) {
      case 8515 -> "maxRecordDurationReached";
      case 8509 -> "maxSilenceTimeout";
      default -> "initialSilenceTimeout";
    };
  }

  /** Whether there is a recording to fetch (else the operation failed). */
  boolean captured() {
    return result.path("code").asInt() == 200;
  }

  /**
   * The recording of {@code utterances} (times after the call was answered) for a recording that
   * starts {@code startsAfterAnswer}.
   */
  static Recording of(
      List<CallerScript.TimedUtterance> utterances,
      Duration startsAfterAnswer,
      RecordOptions options) {
    Duration max = options.maxRecordDuration();
    Duration deadline = options.initialSilenceTimeout();
    List<Speech> speech = new ArrayList<>();
    List<String> said = new ArrayList<>();
    List<CallerScript.TimedUtterance> inOrder = new ArrayList<>(utterances);
    inOrder.sort(Comparator.comparing(CallerScript.TimedUtterance::after));
    for (CallerScript.TimedUtterance utterance : inOrder) {
      Duration at = utterance.after().minus(startsAfterAnswer);
      if (at.isNegative()) {
        continue;
      }
      if (at.compareTo(deadline) >= 0 || at.compareTo(max) >= 0) {
        break;
      }
      Duration ends = at.plus(PER_WORD.multipliedBy(words(utterance.text())));
      speech.add(new Speech(at, ends.compareTo(max) < 0 ? ends : max));
      said.add(utterance.text());
      deadline = ends.plus(options.maxSilenceTimeout());
    }
    if (deadline.compareTo(max) >= 0) {
      return new Recording(max, speech, said, maxDurationReached());
    }
    if (speech.isEmpty()) {
      return new Recording(deadline, speech, said, initialSilenceTimeout());
    }
    return new Recording(deadline, speech, said, maxSilenceTimeout());
  }

  private static int words(String text) {
    return text.trim().split("\\s+").length;
  }

  /** Documented in call-record.md. */
  static ObjectNode maxDurationReached() {
    return ResultInfos.of(200, 8515, "Action completed, max record duration reached.");
  }

  /** The caller stopped talking (emulator's choice of wording; 8509 is the media subcode). */
  static ObjectNode maxSilenceTimeout() {
    return ResultInfos.of(200, 8509, "Action completed, max silence timeout reached.");
  }

  /** The caller never started (emulator's choice: failed, as ACS fails a recognize). */
  static ObjectNode initialSilenceTimeout() {
    return ResultInfos.of(400, 8510, "Action failed, initial silence timeout reached.");
  }
}
