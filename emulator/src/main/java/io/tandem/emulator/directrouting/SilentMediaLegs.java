package io.tandem.emulator.directrouting;

import io.tandem.media.ice.StunListener;
import io.tandem.media.srtp.SrtpKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Media legs that hold a loopback UDP port for the SDP and send nothing. */
final class SilentMediaLegs implements MediaLegs {

  private final String bindAddress;

  SilentMediaLegs(String bindAddress) {
    this.bindAddress = bindAddress;
  }

  @Override
  public MediaLeg open(String audio) {
    try {
      DatagramChannel channel = DatagramChannel.open();
      channel.bind(new InetSocketAddress(bindAddress, 0));
      int port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
      return new MediaLeg() {
        @Override
        public int localPort() {
          return port;
        }

        @Override
        public void connect(String host, int remotePort, int payloadType, int telephoneEvent) {}

        @Override
        public void hold(boolean held) {}

        @Override
        public void protect(@Nullable SrtpKeys keys) {}

        @Override
        public void receiveStun(@Nullable StunListener listener) {}

        @Override
        public boolean sendDatagram(byte[] datagram, String host, int remotePort) {
          return false;
        }

        @Override
        public long srtpRejected() {
          return 0;
        }

        @Override
        public void sendDigits(String digits) {}

        @Override
        public void onDigit(Consumer<Character> listener) {}

        @Override
        public long packetsReceived() {
          return 0;
        }

        @Override
        public short[] recording() {
          return new short[0];
        }

        @Override
        public void close() {
          try {
            channel.close();
          } catch (IOException ignored) {
            // closing a datagram channel does not fail in a way that matters here
          }
        }
      };
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }

  @Override
  public void close() {}
}
