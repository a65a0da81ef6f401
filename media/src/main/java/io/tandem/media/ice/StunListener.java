package io.tandem.media.ice;

import java.net.InetSocketAddress;
import org.jspecify.annotations.Nullable;

/**
 * What a media session hands the STUN datagrams on its port to: an {@link IceLiteAgent} answering
 * checks, or a controlling agent reading the responses to its own.
 */
@FunctionalInterface
public interface StunListener {

  /**
   * Takes the first {@code length} bytes of {@code datagram}, which came from {@code from}, and
   * returns the datagram to send back to {@code from}, or null for none. Must not throw.
   */
  byte @Nullable [] onStun(byte[] datagram, int length, InetSocketAddress from);
}
