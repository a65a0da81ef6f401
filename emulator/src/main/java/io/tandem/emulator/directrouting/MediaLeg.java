package io.tandem.emulator.directrouting;

import io.tandem.media.ice.StunListener;
import io.tandem.media.srtp.SrtpKeys;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The emulator's RTP endpoint for one call leg (a Media Processor for Teams, the carrier's phone
 * for a trunk call): a local loopback port, G.711 audio out (tone or WAV), what it receives
 * recorded and decoded, RFC 4733 digits both ways.
 */
interface MediaLeg extends AutoCloseable {

  /** The local RTP port for the SDP. */
  int localPort();

  /** Starts sending to {@code host:port} with {@code payloadType} (0 or 8). */
  void connect(String host, int port, int payloadType, int telephoneEvent);

  /** Sends and receives SRTP with {@code keys} from now on; null: plain RTP. */
  void protect(@Nullable SrtpKeys keys);

  /** Hands the STUN datagrams arriving on the leg's port to {@code listener}; null: none. */
  void receiveStun(@Nullable StunListener listener);

  /** Sends {@code datagram} as it is from the leg's port; false when it could not be sent. */
  boolean sendDatagram(byte[] datagram, String host, int port);

  /** SRTP packets dropped because they did not authenticate or were replays. */
  long srtpRejected();

  /**
   * Joins this leg and {@code other} in the Media Processor (a consultative transfer): each sends
   * what the other receives instead of its own audio. Legs that carry no audio ignore it.
   */
  default void bridge(MediaLeg other) {}

  /** Stops or resumes sending (hold/unhold). */
  void hold(boolean held);

  /** Sends RFC 4733 events for {@code digits}. */
  void sendDigits(String digits);

  /** Hears each RFC 4733 digit received. */
  void onDigit(Consumer<Character> listener);

  /** RTP packets received so far. */
  long packetsReceived();

  /** The audio received so far, decoded to 16-bit linear PCM at 8 kHz. */
  short[] recording();

  @Override
  void close();
}
