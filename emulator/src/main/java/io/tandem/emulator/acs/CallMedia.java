package io.tandem.emulator.acs;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * The media operations of one call: plays and recognizes run one at a time in the order requested
 * ({@code interruptCallMediaOperation} cancels what runs and what waits), and continuous DTMF
 * recognition reports every tone the caller presses. All state is guarded by this object's lock.
 */
final class CallMedia implements CallerListener {

  private final AcsCall call;
  private final Deque<MediaOperation> waiting = new ArrayDeque<>();
  private @Nullable MediaOperation running;
  private boolean continuousDtmf;
  private int dtmfSequence;
  private @Nullable String continuousContext;
  private @Nullable URI continuousCallback;

  CallMedia(AcsCall call) {
    this.call = call;
  }

  AcsCall call() {
    return call;
  }

  synchronized void enqueue(MediaOperation operation, boolean interrupt) {
    if (interrupt) {
      cancelAll();
    }
    if (running == null) {
      running = operation;
      operation.start();
    } else {
      waiting.add(operation);
    }
  }

  /** Runs {@code action} under this object's lock (for timers and download threads). */
  synchronized void locked(Runnable action) {
    action.run();
  }

  /** Whether {@code operation} is the one running now. */
  synchronized boolean isRunning(MediaOperation operation) {
    return running == operation;
  }

  /** The running operation ended; the next waiting one starts. */
  synchronized void finished(MediaOperation operation) {
    if (running != operation) {
      waiting.remove(operation);
      return;
    }
    running = waiting.poll();
    if (running != null) {
      running.start();
    }
  }

  /** Cancels the running and every waiting operation, each reporting its cancellation. */
  synchronized void cancelAll() {
    MediaOperation current = running;
    running = null;
    if (current != null) {
      current.cancel();
    }
    while (!waiting.isEmpty()) {
      waiting.poll().cancel();
    }
  }

  /** Drops everything without callbacks (the call ended). */
  synchronized void drop() {
    running = null;
    waiting.clear();
    continuousDtmf = false;
  }

  synchronized void startContinuousDtmf(@Nullable String operationContext, @Nullable URI callback) {
    continuousDtmf = true;
    continuousContext = operationContext;
    continuousCallback = callback;
  }

  synchronized void stopContinuousDtmf(@Nullable String operationContext, @Nullable URI callback) {
    boolean wasOn = continuousDtmf;
    continuousDtmf = false;
    if (wasOn) {
      call.emit(
          "ContinuousDtmfRecognitionStopped",
          callback,
          operationContext,
          ResultInformation.OK,
          data -> {});
    }
  }

  @Override
  public synchronized void pressed(String tone) {
    if (continuousDtmf) {
      int sequence = ++dtmfSequence;
      call.emit(
          "ContinuousDtmfRecognitionToneReceived",
          continuousCallback,
          continuousContext,
          ResultInformation.OK,
          data -> data.put("sequenceId", sequence).put("tone", tone));
    }
    if (running != null) {
      running.pressed(tone);
    }
  }

  @Override
  public synchronized void said(String text) {
    if (running != null) {
      running.said(text);
    }
  }
}
