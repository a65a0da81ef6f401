package io.tandem.media.jitter;

import io.tandem.media.audio.AudioSource;
import io.tandem.media.codec.G711;
import io.tandem.media.rtp.RtpPacket;
import io.tandem.media.session.RtpListener;
import io.tandem.media.silence.ComfortNoise;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The audio a session receives, as an endless {@link AudioSource}: as the session's listener it
 * offers G.711 (PCMU or PCMA, by payload type) and RFC 3389 comfort-noise packets to a {@link
 * JitterBuffer}; read by a pacer, it plays them out one frame per tick. Concealed slots repeat the
 * last frame fading by a quarter each time (75%, 50%, 25%). After a comfort-noise packet, silent
 * slots are white noise at its level until audio resumes; otherwise they are zero.
 *
 * <p>Threading: {@link #onPacket} on the session's receiving thread, {@link #read} on the pacer's;
 * the jitter buffer is the only state they share.
 */
public final class ReceivedAudio implements AudioSource, RtpListener {

  private final JitterBuffer buffer;
  private final RandomGenerator random;
  private @Nullable ComfortNoise comfortNoise;

  /** Received audio through {@code buffer}, comfort noise drawn from {@code random}. */
  public ReceivedAudio(JitterBuffer buffer, RandomGenerator random) {
    this.buffer = buffer;
    this.random = random;
  }

  /** Received audio through {@code buffer}. */
  public ReceivedAudio(JitterBuffer buffer) {
    this(buffer, new SplittableRandom());
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
    int payloadType = packet.payloadType();
    if (G711.isG711(payloadType) || payloadType == ComfortNoise.PAYLOAD_TYPE) {
      buffer.offer(packet);
    }
  }

  @Override
  public boolean read(short[] frame) {
    Playout playout = buffer.poll();
    RtpPacket packet = playout.packet();
    if (packet != null && packet.payloadType() == ComfortNoise.PAYLOAD_TYPE) {
      comfortNoise = parseOrNull(packet.payload());
      packet = null;
    }
    if (packet == null) {
      fillSilence(frame);
      return true;
    }
    comfortNoise = null;
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

  private void fillSilence(short[] frame) {
    ComfortNoise noise = comfortNoise;
    if (noise == null) {
      Arrays.fill(frame, (short) 0);
    } else {
      noise.fill(frame, random);
    }
  }

  private static @Nullable ComfortNoise parseOrNull(byte[] payload) {
    try {
      return ComfortNoise.parse(payload);
    } catch (IllegalArgumentException malformed) {
      return null;
    }
  }
}
