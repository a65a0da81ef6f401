package io.tandem.media.clock;

/**
 * A source of 20 ms ticks: the heartbeat that sends one audio frame per tick, plays out a jitter
 * buffer or mixes a conference. Ticks of one task never overlap; a tick must not block.
 */
public interface Pacer {

  /** The tick period in milliseconds: one 20 ms audio frame. */
  int PERIOD_MILLIS = 20;

  /** Calls {@code tick} once per period, starting one period from now, until cancelled. */
  PacedTask schedule(Runnable tick);

  /**
   * The number of the current period, counted from an origin fixed for this pacer: how much media
   * time passed between two readings (a task that stopped ticking while idle catches its RTP
   * timestamps up by it).
   */
  long currentPeriod();

  /** A task being ticked. */
  interface PacedTask {
    /** Stops the ticks; a tick already running completes. Idempotent. */
    void cancel();
  }
}
