package io.tandem.emulator.acs;

import io.tandem.emulator.time.Scheduler;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A play: PlayStarted once the sources are ready, PlayCompleted after they played (with {@code
 * loop}, never: they play again until cancelled), PlayFailed with {@code failedPlaySourceIndex}
 * when a file cannot be downloaded or is no audio, PlayCanceled when cancelled.
 */
final class PlayOperation implements MediaOperation {

  private enum Phase {
    WAITING,
    PREPARING,
    PLAYING,
    DONE
  }

  private final CallMedia media;
  private final List<PlaySource> sources;
  private final boolean loop;
  private final @Nullable String operationContext;
  private final @Nullable URI callback;
  private Phase phase = Phase.WAITING;
  private Scheduler.@Nullable Timer timer;

  PlayOperation(
      CallMedia media,
      List<PlaySource> sources,
      boolean loop,
      @Nullable String operationContext,
      @Nullable URI callback) {
    this.media = media;
    this.sources = List.copyOf(sources);
    this.loop = loop;
    this.operationContext = operationContext;
    this.callback = callback;
  }

  @Override
  public void start() {
    phase = Phase.PREPARING;
    PlayList.prepare(media.call(), sources, outcome -> media.locked(() -> ready(outcome)));
  }

  private void ready(PlayList.Outcome outcome) {
    if (phase != Phase.PREPARING) {
      return;
    }
    AcsCall call = media.call();
    if (outcome.failed()) {
      phase = Phase.DONE;
      call.emit(
          "PlayFailed",
          callback,
          operationContext,
          outcome.failure(),
          data -> data.put("failedPlaySourceIndex", outcome.failedIndex()));
      media.finished(this);
      return;
    }
    phase = Phase.PLAYING;
    call.emit("PlayStarted", callback, operationContext, ResultInformation.OK, data -> {});
    schedule(outcome);
  }

  private void schedule(PlayList.Outcome outcome) {
    timer = media.call().later(outcome.duration(), () -> media.locked(() -> played(outcome)));
  }

  private void played(PlayList.Outcome outcome) {
    if (phase != Phase.PLAYING) {
      return;
    }
    if (loop) {
      schedule(outcome);
      return;
    }
    phase = Phase.DONE;
    media
        .call()
        .emit("PlayCompleted", callback, operationContext, ResultInformation.OK, data -> {});
    media.finished(this);
  }

  @Override
  public void cancel() {
    if (phase == Phase.DONE) {
      return;
    }
    phase = Phase.DONE;
    if (timer != null) {
      timer.cancel();
    }
    media
        .call()
        .emit("PlayCanceled", callback, operationContext, ResultInformation.CANCELED, data -> {});
  }
}
