package io.tandem.server.demo;

import io.tandem.core.flow.FlowMedia;
import io.tandem.core.flow.FlowRun;
import io.tandem.core.flow.InputRequest;
import io.tandem.core.flow.Prompt;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.tenant.Tenant;
import io.tandem.core.time.Timer;
import java.time.Duration;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One simulated caller's side of the virtual assistant, standing in for the channel's media engine:
 * a prompt "plays" for the demo's prompt length, and a menu hears the caller's key after their
 * delay, or times out when the caller presses nothing (or not in time). Outcomes reach the caller's
 * {@link FlowRun} later, on the tenant's writer, as {@link FlowMedia} requires.
 */
final class CallerMedia implements FlowMedia {

  private final InteractionId interaction;
  private final DemoTimers timers;
  private final Duration promptLength;
  private final @Nullable String key;
  private final Duration pressAfter;
  private Timer pending = Timer.NONE;

  /**
   * @param key what the caller presses at the menu; {@code null} for a caller who presses nothing
   * @param pressAfter when, after the menu starts, the caller presses it
   */
  CallerMedia(
      InteractionId interaction,
      DemoTimers timers,
      Duration promptLength,
      @Nullable String key,
      Duration pressAfter) {
    this.interaction = interaction;
    this.timers = timers;
    this.promptLength = promptLength;
    this.key = key;
    this.pressAfter = pressAfter;
  }

  @Override
  public void play(Prompt prompt) {
    report(promptLength, FlowRun::onPlayCompleted);
  }

  @Override
  public void collect(InputRequest request) {
    if (key != null && pressAfter.compareTo(request.timeout()) < 0) {
      String pressed = key;
      report(pressAfter, run -> run.onInput(pressed));
    } else {
      report(request.timeout(), FlowRun::onInputTimeout);
    }
  }

  @Override
  public void stop() {
    pending.cancel();
  }

  private void report(Duration after, Consumer<FlowRun> outcome) {
    pending.cancel();
    pending =
        timers.after(
            after,
            (Tenant tenant) -> {
              FlowRun run = tenant.virtualAssistantOf(interaction);
              if (run != null) {
                outcome.accept(run);
              }
            });
  }
}
