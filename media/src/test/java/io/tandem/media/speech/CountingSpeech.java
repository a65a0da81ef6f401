package io.tandem.media.speech;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A {@link TextToSpeech} for cache tests: counts its renderings, passes them to a real engine or
 * answers fixed-size WAV-shaped bytes, can hold every rendering until {@link #release()} and can
 * fail the first few.
 */
final class CountingSpeech implements TextToSpeech {

  private final @Nullable TextToSpeech real;
  private final int fakeSize;
  private final AtomicInteger renderings = new AtomicInteger();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final CountDownLatch gate;
  final CountDownLatch started = new CountDownLatch(1);

  private CountingSpeech(@Nullable TextToSpeech real, int fakeSize, boolean gated) {
    this.real = real;
    this.fakeSize = fakeSize;
    this.gate = new CountDownLatch(gated ? 1 : 0);
  }

  /** Counts and passes on to {@code real}. */
  static CountingSpeech around(TextToSpeech real) {
    return new CountingSpeech(real, 0, false);
  }

  /** Answers {@code size} bytes for every text. */
  static CountingSpeech fake(int size) {
    return new CountingSpeech(null, size, false);
  }

  /** Answers {@code size} bytes, each rendering held until {@link #release()}. */
  static CountingSpeech gated(int size) {
    return new CountingSpeech(null, size, true);
  }

  CountingSpeech failingFirst(int failures) {
    failuresLeft.set(failures);
    return this;
  }

  void release() {
    gate.countDown();
  }

  int renderings() {
    return renderings.get();
  }

  @Override
  public byte[] render(String text, @Nullable String language, int sampleRate)
      throws SpeechException {
    renderings.incrementAndGet();
    started.countDown();
    try {
      if (!gate.await(5, TimeUnit.SECONDS)) {
        throw new SpeechException(SpeechException.Reason.TIMED_OUT, "test gate never opened");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SpeechException(SpeechException.Reason.ENGINE_FAILED, "interrupted");
    }
    if (failuresLeft.getAndDecrement() > 0) {
      throw new SpeechException(SpeechException.Reason.ENGINE_FAILED, "scripted failure");
    }
    if (real != null) {
      return real.render(text, language, sampleRate);
    }
    byte[] bytes = new byte[fakeSize];
    bytes[0] = (byte) text.hashCode();
    return bytes;
  }

  @Override
  public String engine() {
    return real == null ? "counting" : real.engine();
  }

  @Override
  public String voiceFor(@Nullable String language) {
    return real == null ? (language == null ? "default" : language) : real.voiceFor(language);
  }

  @Override
  public void check() {}
}
