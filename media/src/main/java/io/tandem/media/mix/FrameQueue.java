package io.tandem.media.mix;

import io.tandem.media.audio.AudioSource;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * A short queue of frames between a producer on one pacer tick and a session reading on another: an
 * endless {@link AudioSource} that plays silence when empty and drops the oldest frame when more
 * than {@link #CAPACITY} wait, so latency stays bounded. Thread-safe.
 */
final class FrameQueue implements AudioSource {

  static final int CAPACITY = 3;

  private final Deque<short[]> frames = new ArrayDeque<>();

  synchronized void push(short[] frame) {
    frames.addLast(frame.clone());
    while (frames.size() > CAPACITY) {
      frames.removeFirst();
    }
  }

  @Override
  public synchronized boolean read(short[] frame) {
    short[] next = frames.pollFirst();
    if (next == null) {
      Arrays.fill(frame, (short) 0);
    } else {
      System.arraycopy(next, 0, frame, 0, frame.length);
    }
    return true;
  }
}
