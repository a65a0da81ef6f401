package io.tandem.acs.client;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Collects input from {@code targetParticipant} after {@code prompts}: DTMF, speech, either, or one
 * of {@code choices}. {@code interruptPrompt} lets input cut the prompt short; {@code
 * interruptCallMediaOperation} cancels the media operations that run or wait. {@code
 * initialSilenceTimeout} is 0–300 s in whole seconds.
 */
public record Recognize(
    RecognizeInput inputType,
    Identifier targetParticipant,
    List<PlaySource> prompts,
    boolean interruptPrompt,
    boolean interruptCallMediaOperation,
    Duration initialSilenceTimeout,
    @Nullable DtmfOptions dtmf,
    List<Choice> choices,
    @Nullable String speechLanguage,
    @Nullable String operationContext) {

  public Recognize {
    prompts = List.copyOf(prompts);
    choices = List.copyOf(choices);
    Requests.requireSeconds(initialSilenceTimeout, 0, 300, "initialSilenceTimeout");
    if (inputType == RecognizeInput.CHOICES && choices.isEmpty()) {
      throw new IllegalArgumentException("a choices recognize needs at least one choice");
    }
    if (inputType != RecognizeInput.CHOICES && !choices.isEmpty()) {
      throw new IllegalArgumentException("choices are only for a choices recognize");
    }
    if (dtmf != null
        && inputType != RecognizeInput.DTMF
        && inputType != RecognizeInput.SPEECH_OR_DTMF) {
      throw new IllegalArgumentException("DTMF options are only for a DTMF recognize");
    }
  }

  /** A DTMF menu: {@code prompt}, then up to {@code dtmf.maxTones()} tones from {@code caller}. */
  public static Recognize dtmf(
      Identifier caller,
      PlaySource prompt,
      DtmfOptions dtmf,
      Duration initialSilenceTimeout,
      @Nullable String operationContext) {
    return new Recognize(
        RecognizeInput.DTMF,
        caller,
        List.of(prompt),
        true,
        false,
        initialSilenceTimeout,
        dtmf,
        List.of(),
        null,
        operationContext);
  }
}
