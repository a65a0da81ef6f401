package io.tandem.emulator.acs;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A validated recognize request: input type, prompts, the target participant's raw id, timeouts and
 * what ends a DTMF collection, the choices, operation context and callback.
 */
record RecognizeOptions(
    String inputType,
    List<PlaySource> prompts,
    boolean interruptPrompt,
    String targetRawId,
    Duration initialSilenceTimeout,
    Duration interToneTimeout,
    int maxTonesToCollect,
    Set<String> stopTones,
    List<Choice> choices,
    @Nullable String operationContext,
    @Nullable URI callback) {

  /** A {@code RecognitionChoice}: label, phrases, and optionally a tone. */
  record Choice(String label, List<String> phrases, @Nullable String tone) {}

  static RecognizeOptions parse(RequestBody body) {
    String type =
        body.oneOf("recognizeInputType", null, "dtmf", "speech", "speechOrDtmf", "choices");
    if (type == null) {
      throw AcsErrors.badRequest("recognizeInputType", "The recognizeInputType field is required.");
    }
    List<PlaySource> prompts = new ArrayList<>();
    RequestBody prompt = body.optionalObject("playPrompt");
    if (prompt != null) {
      prompts.add(PlaySource.parse(prompt));
    }
    body.optionalArray("playPrompts").forEach(p -> prompts.add(PlaySource.parse(p)));
    RequestBody options = body.object("recognizeOptions");
    String target = CommunicationIdentifier.parse(options.object("targetParticipant")).rawId();
    int silence = options.integer("initialSilenceTimeoutInSeconds", 0, 300, 5);
    RequestBody dtmf = options.optionalObject("dtmfOptions");
    int interTone = dtmf == null ? 2 : dtmf.integer("interToneTimeoutInSeconds", 1, 60, 2);
    int maxTones = dtmf == null ? 1 : dtmf.integer("maxTonesToCollect", 1, 100, 1);
    List<String> stopTones = dtmf == null ? List.of() : dtmf.texts("stopTones");
    for (String tone : stopTones) {
      if (!Tones.isName(tone)) {
        throw AcsErrors.badRequest(
            dtmf.path("stopTones"), "The stop tone " + tone + " is not a tone name.");
      }
    }
    List<Choice> choices = new ArrayList<>();
    for (RequestBody choice : options.optionalArray("choices")) {
      String tone = choice.optionalText("tone");
      if (tone != null && !Tones.isName(tone)) {
        throw AcsErrors.badRequest(
            choice.path("tone"), "The tone " + tone + " is not a tone name.");
      }
      List<String> phrases = choice.texts("phrases");
      if (phrases.isEmpty()) {
        throw AcsErrors.badRequest(
            choice.path("phrases"), "The " + choice.path("phrases") + " field is required.");
      }
      choices.add(new Choice(choice.text("label"), phrases, tone));
    }
    if (type.equals("choices") && choices.isEmpty()) {
      throw AcsErrors.badRequest(
          "recognizeOptions.choices",
          "The recognizeOptions.choices field is required for choices.");
    }
    return new RecognizeOptions(
        type,
        prompts,
        options.bool("interruptPrompt", false),
        target,
        Duration.ofSeconds(silence),
        Duration.ofSeconds(interTone),
        maxTones,
        Set.copyOf(stopTones.stream().map(t -> t.toLowerCase(java.util.Locale.ROOT)).toList()),
        choices,
        body.optionalText("operationContext"),
        body.optionalUri("operationCallbackUri"));
  }

  boolean hearsTones() {
    return !inputType.equals("speech");
  }

  boolean hearsSpeech() {
    return !inputType.equals("dtmf");
  }
}
