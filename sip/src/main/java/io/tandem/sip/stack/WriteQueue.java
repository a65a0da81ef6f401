package io.tandem.sip.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bytes waiting to go out on one stream connection, bounded, and the loop of the one thread
 * that writes them: a sender copies its message in and returns at once (no sender ever blocks on
 * the socket); the writer takes everything queued, writes it in one go and waits for more. Two
 * buffers swap between the senders and the writer, so a message costs a copy, not an allocation.
 *
 * <p>Threading: {@link #add} and {@link #close} from any thread (a short lock, no I/O); {@link
 * #writeTo} on the connection's writer thread only. {@link #writing()} and {@link #writes()} are
 * for the connection sweep to tell a blocked write.
 */
final class WriteQueue {

  private static final int INITIAL_BYTES = 4 * 1024;

  /** A buffer grown past this by a burst is dropped once written. */
  private static final int KEPT_BYTES = 64 * 1024;

  /** What became of a message handed to {@link #add}. */
  enum Added {
    QUEUED,
    /** It would have taken the queue past its limit: not queued. */
    OVER_LIMIT,
    /** The queue is closed: not queued. */
    CLOSED
  }

  private final int limit;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition queued = lock.newCondition();
  private byte[] pending = new byte[INITIAL_BYTES];
  private int pendingLength;
  private byte[] taken = new byte[INITIAL_BYTES];
  private boolean waiting;
  private boolean closed;
  private volatile boolean writing;
  private volatile int writes;

  /** A queue of at most {@code limit} bytes waiting behind the write in progress. */
  WriteQueue(int limit) {
    this.limit = limit;
  }

  /** Queues {@code message} whole, or refuses it whole. */
  Added add(byte[] message) {
    lock.lock();
    try {
      if (closed) {
        return Added.CLOSED;
      }
      int length = pendingLength + message.length;
      if (length > limit) {
        return Added.OVER_LIMIT;
      }
      if (length > pending.length) {
        pending = Arrays.copyOf(pending, Math.min(limit, Math.max(length, pending.length * 2)));
      }
      System.arraycopy(message, 0, pending, pendingLength, message.length);
      pendingLength = length;
      if (waiting) {
        queued.signal();
      }
      return Added.QUEUED;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Writes what is queued to {@code out}, as it comes, until the queue is closed (what is queued
   * then is dropped). Throws when a write fails.
   */
  void writeTo(OutputStream out) throws IOException {
    while (true) {
      int length;
      lock.lock();
      try {
        while (pendingLength == 0 && !closed) {
          waiting = true;
          queued.awaitUninterruptibly();
          waiting = false;
        }
        if (closed) {
          return;
        }
        byte[] filled = pending;
        pending = taken;
        taken = filled;
        length = pendingLength;
        pendingLength = 0;
        writing = true;
      } finally {
        lock.unlock();
      }
      try {
        out.write(taken, 0, length);
        out.flush();
      } finally {
        writing = false;
      }
      writes++; // one writer thread: no update is lost
      if (taken.length > KEPT_BYTES) {
        taken = new byte[INITIAL_BYTES];
      }
    }
  }

  /**
   * Refuses every later message and ends {@link #writeTo} once its write in progress ends; whether
   * bytes were still waiting or being written (they are lost).
   */
  boolean close() {
    lock.lock();
    try {
      closed = true;
      queued.signal();
      return pendingLength > 0 || writing;
    } finally {
      lock.unlock();
    }
  }

  /** Whether a write is in progress (it blocks while the peer reads nothing). */
  boolean writing() {
    return writing;
  }

  /** How many writes have completed. */
  int writes() {
    return writes;
  }
}
