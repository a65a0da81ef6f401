package io.tandem.emulator.acs;

import io.tandem.emulator.time.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * A recognize: plays its prompts, then listens. DTMF ends at {@code maxTonesToCollect} (8531) or a
 * stop tone (8514); silence before the first input fails with 8510, a gap between tones longer than
 * {@code interToneTimeoutInSeconds} with 8532. Choices match the caller's words against the phrases
 * (8545) or a tone against a choice's tone (8533); no match fails with 8547 or 8534. Speech reports
 * the caller's sentence. Input during the prompt counts only with {@code interruptPrompt}.
 */
final class RecognizeOperation implements MediaOperation {

  private enum Phase {
    WAITING,
    PROMPTING,
    LISTENING,
    DONE
  }

  private final CallMedia media;
  private final RecognizeOptions options;
  private final List<String> tones = new ArrayList<>();
  private Phase phase = Phase.WAITING;
  private Scheduler.@Nullable Timer timer;

  RecognizeOperation(CallMedia media, RecognizeOptions options) {
    this.media = media;
    this.options = options;
  }

  @Override
  public void start() {
    if (options.prompts().isEmpty()) {
      listen();
      return;
    }
    phase = Phase.PROMPTING;
    PlayList.prepare(
        media.call(), options.prompts(), outcome -> media.locked(() -> prompted(outcome)));
  }

  private void prompted(PlayList.Outcome outcome) {
    if (phase != Phase.PROMPTING) {
      return;
    }
    if (outcome.failed()) {
      fail(
          ResultInformation.PLAY_PROMPT_FAILED,
          data -> data.put("failedPlaySourceIndex", outcome.failedIndex()));
      return;
    }
    restart(outcome.duration(), this::listen);
  }

  private void listen() {
    phase = Phase.LISTENING;
    restart(
        options.initialSilenceTimeout(), () -> fail(ResultInformation.INITIAL_SILENCE, data -> {}));
  }

  @Override
  public void pressed(String tone) {
    if (!options.hearsTones() || !hears()) {
      return;
    }
    phase = Phase.LISTENING;
    if (options.inputType().equals("choices")) {
      for (RecognizeOptions.Choice choice : options.choices()) {
        if (tone.equalsIgnoreCase(choice.tone())) {
          complete(
              "choices",
              ResultInformation.DTMF_OPTION_MATCHED,
              data -> choiceResult(data, choice, null));
          return;
        }
      }
      fail(ResultInformation.INCORRECT_TONE, data -> {});
      return;
    }
    if (options.stopTones().contains(tone)) {
      complete("dtmf", ResultInformation.STOP_TONE, this::dtmfResult);
      return;
    }
    tones.add(tone);
    if (tones.size() >= options.maxTonesToCollect()) {
      complete("dtmf", ResultInformation.MAX_DIGITS, this::dtmfResult);
      return;
    }
    restart(options.interToneTimeout(), () -> fail(ResultInformation.INTER_DIGIT, data -> {}));
  }

  @Override
  public void said(String text) {
    if (!options.hearsSpeech() || !hears() || !tones.isEmpty()) {
      return;
    }
    phase = Phase.LISTENING;
    if (!options.inputType().equals("choices")) {
      complete(
          "speech",
          ResultInformation.SPEECH_RECOGNIZED,
          data -> data.putObject("speechResult").put("speech", text).put("confidence", 0.95));
      return;
    }
    String heard = normalized(text);
    for (RecognizeOptions.Choice choice : options.choices()) {
      for (String phrase : choice.phrases()) {
        String wanted = normalized(phrase);
        if (!wanted.isEmpty() && (" " + heard + " ").contains(" " + wanted + " ")) {
          complete(
              "choices",
              ResultInformation.SPEECH_OPTION_MATCHED,
              data -> choiceResult(data, choice, phrase));
          return;
        }
      }
    }
    fail(ResultInformation.SPEECH_NOT_MATCHED, data -> {});
  }

  /** Whether input now counts: while listening, or during the prompt when it may interrupt. */
  private boolean hears() {
    return phase == Phase.LISTENING || (phase == Phase.PROMPTING && options.interruptPrompt());
  }

  @Override
  public void cancel() {
    if (phase == Phase.DONE) {
      return;
    }
    end();
    media
        .call()
        .emit(
            "RecognizeCanceled",
            options.callback(),
            options.operationContext(),
            ResultInformation.CANCELED,
            data -> {});
  }

  private void complete(String type, ResultInformation result, Consumer<ObjectNode> extra) {
    end();
    media
        .call()
        .emit(
            "RecognizeCompleted",
            options.callback(),
            options.operationContext(),
            result,
            data -> {
              data.put("recognitionType", type);
              extra.accept(data);
            });
    media.finished(this);
  }

  private void fail(ResultInformation result, Consumer<ObjectNode> extra) {
    end();
    media
        .call()
        .emit("RecognizeFailed", options.callback(), options.operationContext(), result, extra);
    media.finished(this);
  }

  private void end() {
    phase = Phase.DONE;
    if (timer != null) {
      timer.cancel();
    }
  }

  private void restart(java.time.Duration delay, Runnable onTimeout) {
    if (timer != null) {
      timer.cancel();
    }
    timer =
        media
            .call()
            .later(
                delay,
                () ->
                    media.locked(
                        () -> {
                          if (phase != Phase.DONE && media.isRunning(this)) {
                            onTimeout.run();
                          }
                        }));
  }

  private void dtmfResult(ObjectNode data) {
    var list = data.putObject("dtmfResult").putArray("tones");
    tones.forEach(list::add);
  }

  private static void choiceResult(
      ObjectNode data, RecognizeOptions.Choice choice, @Nullable String phrase) {
    ObjectNode result = data.putObject("choiceResult");
    result.put("label", choice.label());
    if (phrase != null) {
      result.put("recognizedPhrase", phrase);
      result.put("confidence", 0.95);
    }
  }

  private static String normalized(String text) {
    return text.toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N} ]", " ")
        .replaceAll("\\s+", " ")
        .trim();
  }
}
