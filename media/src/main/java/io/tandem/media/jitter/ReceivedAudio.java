package io.tandem.media.jitter;

import io.tandem.media.audio.AudioSource;
import io.tandem.media.codec.G711;
import io.tandem.media.rtp.RtpListener;
import io.tandem.media.rtp.RtpPacket;
import java.util.Arrays;

/**
 * The audio a session receives, as an endless {@link AudioSource}: as the session's listener it
 * offers G.711 packets (PCMU or PCMA, by payload type) to a {@link JitterBuffer}; read by a pacer,
 * it plays them out decoded, one frame per tick. Concealed slots repeat the last frame fading by a
 * quarter each time (75%, 50%, 25%); silent slots are zero.
 *
 * <p>Threading: {@link #onPacket} on the session's receiving thread, {@link #read} on the pacer's;
 * the jitter buffer is the only state they share.
 */
public final class ReceivedAudio implements AudioSource, RtpListener {

  private final JitterBuffer buffer;

  /** Received audio through {@code buffer}. */
  public ReceivedAudio(JitterBuffer buffer) {
    this.buffer = buffer;
  }

  /** Received audio through a buffer of the default depth. */
  public ReceivedAudio() {
    this(new JitterBuffer());
  }

  /** The jitter buffer, for its statistics. */
  public JitterBuffer buffer() {
    return buffer;
  }

  @Override
  public void onPacket(RtpPacket packet) {
    if (G711.isG711(packet.payloadType())) {
      buffer.offer(packet);
    }
  }

  @Override
  public boolean read(short[] frame) {
    Playout playout = buffer.poll();
    RtpPacket packet = playout.packet();
    if (packet == null) {
      Arrays.fill(frame, (short) 0);
      return true;
    }
    G711 codec = G711.forPayloadType(packet.payloadType());
    byte[] payload = packet.payload();
    int length = Math.min(payload.length, frame.length);
    double gain = 1.0 - 0.25 * playout.repetition();
    for (int i = 0; i < length; i++) {
      frame[i] = (short) (codec.decode(payload[i]) * gain);
    }
    Arrays.fill(frame, length, frame.length, (short) 0);
    return true;
  }
}
