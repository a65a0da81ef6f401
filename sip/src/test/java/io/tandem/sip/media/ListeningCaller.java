package io.tandem.sip.media;

import io.tandem.media.audio.FrameFormat;
import io.tandem.media.codec.G711;
import io.tandem.media.rtp.RtpPacket;
import io.tandem.media.session.RtpListener;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The caller's ear in tests: counts the G.711 frames arriving on the caller's session and those
 * loud enough to be a prompt or music rather than silence.
 */
final class ListeningCaller implements RtpListener {

  /** Mean power above which a frame is sound: about −40 dBFS. */
  static final double LOUD = 100_000;

  private final G711 codec;
  private final AtomicLong frames = new AtomicLong();
  private final AtomicLong loudFrames = new AtomicLong();

  ListeningCaller(G711 codec) {
    this.codec = codec;
  }

  @Override
  public void onPacket(RtpPacket packet) {
    if (packet.payloadType() != codec.payloadType()) {
      return;
    }
    frames.incrementAndGet();
    if (FrameFormat.meanPower(codec.decode(packet.payload())) > LOUD) {
      loudFrames.incrementAndGet();
    }
  }

  long frames() {
    return frames.get();
  }

  long loudFrames() {
    return loudFrames.get();
  }
}
