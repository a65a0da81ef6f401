package io.tandem.core.flow;

import java.util.ArrayList;
import java.util.List;

/**
 * Fakes a channel's media engine that plays to and hears nobody: it records what the run asked it
 * to play and listen for, in order, and the test reports the outcomes to the run itself.
 */
final class RecordingFlowMedia implements FlowMedia {

  private final List<String> log = new ArrayList<>();
  private final List<InputRequest> requests = new ArrayList<>();

  @Override
  public void play(Prompt prompt) {
    log.add("play " + describe(prompt));
  }

  @Override
  public void collect(InputRequest request) {
    requests.add(request);
    log.add(
        switch (request) {
          case InputRequest.Choice choice ->
              "collect choice " + choice.choices() + " " + describe(choice.prompt());
          case InputRequest.Digits digits ->
              "collect digits "
                  + digits.minLength()
                  + "-"
                  + digits.maxLength()
                  + (digits.terminator() == null ? "" : " until " + digits.terminator())
                  + " "
                  + describe(digits.prompt());
        });
  }

  @Override
  public void stop() {
    log.add("stop");
  }

  /** Everything asked of the engine, e.g. {@code play text:Welcome} or {@code stop}. */
  List<String> log() {
    return List.copyOf(log);
  }

  /** The last request to listen. */
  InputRequest lastRequest() {
    return requests.getLast();
  }

  /** Reads {@code file:prompts/a.wav}, {@code text:Hello} or {@code text[de]:Hallo}. */
  static String describe(Prompt prompt) {
    return switch (prompt) {
      case Prompt.File file -> "file:" + file.uri();
      case Prompt.Text text ->
          text.language() == null
              ? "text:" + text.text()
              : "text[" + text.language() + "]:" + text.text();
    };
  }
}
