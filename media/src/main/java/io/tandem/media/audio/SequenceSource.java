package io.tandem.media.audio;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Plays sources one after the other (a prompt, a pause, another prompt), then ends. */
public final class SequenceSource implements AudioSource {

  private final Deque<AudioSource> remaining;

  /** The sources of {@code parts}, in order. */
  public SequenceSource(List<? extends AudioSource> parts) {
    this.remaining = new ArrayDeque<>(parts);
  }

  @Override
  public boolean read(short[] frame) {
    while (!remaining.isEmpty()) {
      if (remaining.peekFirst().read(frame)) {
        return true;
      }
      remaining.removeFirst();
    }
    return false;
  }
}
