package io.tandem.media.session;

import io.tandem.media.dtmf.DtmfDigit;
import io.tandem.media.rtp.RtpPacket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/** Records every packet and digit a session delivers, and lets a test wait for them. */
public final class RecordingRtpListener implements RtpListener {

  private static final Duration PATIENCE = Duration.ofSeconds(5);

  private final List<RtpPacket> packets = new CopyOnWriteArrayList<>();
  private final List<DtmfDigit> digits = new CopyOnWriteArrayList<>();

  @Override
  public void onPacket(RtpPacket packet) {
    packets.add(packet);
  }

  @Override
  public void onDigit(DtmfDigit digit) {
    digits.add(digit);
  }

  public List<RtpPacket> packets() {
    return List.copyOf(packets);
  }

  public List<DtmfDigit> digits() {
    return List.copyOf(digits);
  }

  /** Waits until at least {@code count} packets arrived; returns them. */
  public List<RtpPacket> awaitPackets(int count) {
    await(() -> packets.size() >= count, count + " packets, got " + packets.size());
    return packets();
  }

  /** Polls {@code condition} every millisecond until it holds or five seconds pass. */
  public static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.onSpinWait();
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }
}
