package io.tandem.emulator.directrouting;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.media.rtp.RtpPacket;
import io.tandem.media.srtp.MasterKey;
import io.tandem.media.srtp.SrtpSuite;
import io.tandem.media.srtp.SrtpUnprotector;
import java.util.Arrays;

/** Checks a datagram the emulator sent as SRTP under the key of the SDP it sent. */
final class SrtpOnTheWire {

  private SrtpOnTheWire() {}

  /**
   * Asserts {@code datagram} is one 20 ms PCMU packet protected with AES_CM_128_HMAC_SHA1_80 under
   * the key of the {@code a=crypto} line in {@code sdp}, and returns it decrypted.
   */
  static RtpPacket decrypt(String sdp, byte[] datagram, int length) {
    Sdp parsed = Sdp.parse(sdp);
    assertThat(parsed.protocol()).isEqualTo("RTP/SAVP");
    assertThat(parsed.crypto()).hasSize(1);
    String[] line = parsed.crypto().getFirst().split(" ");
    assertThat(line[1]).isEqualTo("AES_CM_128_HMAC_SHA1_80");
    MasterKey key = MasterKey.fromBase64(line[2].substring("inline:".length()));
    byte[] copy = Arrays.copyOf(datagram, length);
    assertThat(length).isEqualTo(12 + 160 + 10);
    int plain = new SrtpUnprotector(SrtpSuite.AES_CM_128_HMAC_SHA1_80, key).unprotect(copy, length);
    assertThat(plain).as("the packet authenticates under the emulator's key").isEqualTo(172);
    return RtpPacket.parse(Arrays.copyOf(copy, plain));
  }
}
