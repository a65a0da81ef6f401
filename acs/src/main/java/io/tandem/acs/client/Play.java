package io.tandem.acs.client;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Plays {@code sources} in order to {@code playTo} (everyone when null); {@code loop} repeats until
 * cancelled (hold music), {@code interrupt} cancels the media operations that run or wait.
 */
public record Play(
    List<PlaySource> sources,
    @Nullable List<Identifier> playTo,
    boolean loop,
    boolean interrupt,
    @Nullable String operationContext) {

  public Play {
    sources = List.copyOf(sources);
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("a play needs at least one source");
    }
    playTo = playTo == null ? null : List.copyOf(playTo);
  }

  /** Plays {@code source} once to everyone, queued behind other media operations. */
  public static Play of(PlaySource source, @Nullable String operationContext) {
    return new Play(List.of(source), null, false, false, operationContext);
  }
}
