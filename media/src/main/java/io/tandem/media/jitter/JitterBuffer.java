package io.tandem.media.jitter;

import io.tandem.media.rtp.RtpPacket;
import io.tandem.media.rtp.SerialNumbers;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A fixed-depth jitter buffer for one RTP stream of 20 ms packets: packets are kept in sequence
 * order (16-bit numbers extended past each wrap) and played out one per slot once {@code depth}
 * worth (default 60 ms) has gathered.
 *
 * <p>States: {@code FILLING} (collecting {@code depth} packets; slots are silent) → {@code
 * PLAYING}; back to {@code FILLING} after {@code depth} slots in a row with nothing buffered (the
 * far end paused) or when the stream jumps by more than {@link #MAX_JUMP} (it restarted).
 *
 * <p>In each {@code PLAYING} slot: the due packet if present; if it is missing but later ones are
 * here it is lost; if nothing is buffered it is an underrun. A missing slot is concealed by
 * repeating the last packet played, for at most {@link #MAX_CONCEALED} slots (60 ms) — the simple
 * packet-repetition concealment of ITU-T G.711 Appendix I's baseline — then played as silence.
 * Packets for slots already played are late and dropped; duplicates are dropped; if more than
 * {@code capacity} packets pile up, the oldest are discarded so latency stays bounded.
 *
 * <p>Thread-safe: the receiving thread offers and the pacing thread polls, under its lock.
 */
public final class JitterBuffer {

  /** The default depth: three 20 ms packets. */
  public static final Duration DEFAULT_DEPTH = Duration.ofMillis(60);

  /** Slots concealed by repetition before falling silent. */
  public static final int MAX_CONCEALED = 3;

  /** A sequence jump larger than this restarts the buffer. */
  public static final int MAX_JUMP = 1000;

  /**
   * Extended sequence numbers start one cycle up, so packets just before the first stay positive.
   */
  private static final long FIRST_CYCLE = 1 << 16;

  private enum State {
    FILLING,
    PLAYING
  }

  private final int depth;
  private final int capacity;
  private final TreeMap<Long, RtpPacket> packets = new TreeMap<>();
  private State state = State.FILLING;
  private long highest = -1;
  private long next;
  private @Nullable RtpPacket last;
  private int concealed;
  private int emptySlots;
  private long received;
  private long played;
  private long lost;
  private long late;
  private long duplicates;
  private long underruns;
  private long discarded;

  /** A buffer {@link #DEFAULT_DEPTH} deep. */
  public JitterBuffer() {
    this(DEFAULT_DEPTH);
  }

  /** A buffer {@code depth} deep (a whole number of 20 ms packets, at least one). */
  public JitterBuffer(Duration depth) {
    this.depth = (int) Math.max(1, depth.toMillis() / 20);
    this.capacity = Math.max(16, 4 * this.depth);
  }

  /** Packets a slot waits for before playout starts. */
  public int depth() {
    return depth;
  }

  /** Takes one received packet. */
  public synchronized void offer(RtpPacket packet) {
    long extended =
        highest < 0
            ? FIRST_CYCLE + packet.sequenceNumber()
            : highest
                + SerialNumbers.sequenceDelta((int) (highest & 0xFFFF), packet.sequenceNumber());
    if (highest >= 0 && Math.abs(extended - highest) > MAX_JUMP) {
      restart();
      extended = FIRST_CYCLE + packet.sequenceNumber();
    }
    if (state == State.PLAYING && extended < next) {
      late++;
      return;
    }
    if (packets.putIfAbsent(extended, packet) != null) {
      duplicates++;
      return;
    }
    received++;
    highest = Math.max(highest, extended);
    while (packets.size() > capacity) {
      Map.Entry<Long, RtpPacket> oldest = packets.pollFirstEntry();
      discarded++;
      next = Math.max(next, oldest.getKey() + 1);
    }
    if (state == State.FILLING && packets.size() >= depth) {
      state = State.PLAYING;
      next = packets.firstKey();
    }
  }

  /** What to play in the current 20 ms slot. */
  public synchronized Playout poll() {
    if (state == State.FILLING) {
      return Playout.SILENCE;
    }
    RtpPacket due = packets.remove(next);
    if (due != null) {
      next++;
      played++;
      last = due;
      concealed = 0;
      emptySlots = 0;
      return new Playout(Playout.Kind.PACKET, due, 0);
    }
    if (packets.isEmpty()) {
      underruns++;
      if (++emptySlots >= depth) {
        state = State.FILLING;
        emptySlots = 0;
      }
    } else {
      lost++;
      next++;
    }
    return conceal();
  }

  /** The counters so far. */
  public synchronized JitterStats stats() {
    return new JitterStats(received, played, lost, late, duplicates, underruns, discarded);
  }

  private Playout conceal() {
    if (last == null || concealed >= MAX_CONCEALED) {
      return Playout.SILENCE;
    }
    concealed++;
    return new Playout(Playout.Kind.CONCEALED, last, concealed);
  }

  private void restart() {
    packets.clear();
    state = State.FILLING;
    highest = -1;
    last = null;
    concealed = 0;
    emptySlots = 0;
  }
}
