package io.tandem.emulator.acs;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Readies play sources: file sources are downloaded (on a virtual thread), spoken ones timed. The
 * outcome is the total play time, or the first source that failed and why.
 */
final class PlayList {

  /** Total duration, or the index of the failed source and its result. */
  record Outcome(Duration duration, int failedIndex, @Nullable ResultInformation failure) {
    boolean failed() {
      return failure != null;
    }
  }

  private PlayList() {}

  static void prepare(AcsCall call, List<PlaySource> sources, Consumer<Outcome> then) {
    if (sources.stream().noneMatch(PlaySource::isFile)) {
      then.accept(total(call, sources));
      return;
    }
    Thread.ofVirtual().name("acs-play-source").start(() -> then.accept(total(call, sources)));
  }

  private static Outcome total(AcsCall call, List<PlaySource> sources) {
    Duration total = Duration.ZERO;
    for (int i = 0; i < sources.size(); i++) {
      PlaySource source = sources.get(i);
      if (source.isFile()) {
        PlaySourceFetcher.Fetched fetched =
            call.services()
                .fetcher()
                .fetch(call.id(), java.util.Objects.requireNonNull(source.uri()));
        if (fetched.failure() != null) {
          return new Outcome(Duration.ZERO, i, fetched.failure());
        }
        total = total.plus(java.util.Objects.requireNonNull(fetched.duration()));
      } else {
        total = total.plus(source.spokenDuration());
      }
    }
    return new Outcome(total.isZero() ? Duration.ofMillis(1) : total, -1, null);
  }
}
