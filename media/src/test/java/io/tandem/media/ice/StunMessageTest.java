package io.tandem.media.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.media.Fixtures;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StunMessageTest {

  private static final byte[] PASSWORD = "VOkJxbRl1RmTxUk/WvJxBt".getBytes(StandardCharsets.UTF_8);
  private static final byte[] TRANSACTION = HexFormat.of().parseHex("b7e7a701bc34d686fa87dfae");

  @Test
  void sampleRequest_decodes_andItsIntegrityAndFingerprintVerify() throws Exception {
    byte[] bytes = Fixtures.hex("stun/good/rfc5769-sample-request.hex");

    StunMessage request = StunMessage.parse(bytes, bytes.length);

    assertThat(request.type()).isEqualTo(StunMessage.BINDING_REQUEST);
    assertThat(request.transactionId()).isEqualTo(TRANSACTION);
    assertThat(request.username()).contains("evtj:h6vY");
    assertThat(request.priority()).hasValue(0x6e0001ffL);
    assertThat(request.tieBreaker(StunAttribute.ICE_CONTROLLED)).hasValue(0x932ff9b151263b36L);
    assertThat(request.integrityMatches(PASSWORD)).isTrue();
    assertThat(request.fingerprintMatches()).isTrue();
    assertThat(request.integrityMatches("VOkJxbRl1RmTxUk/WvJxBu".getBytes(StandardCharsets.UTF_8)))
        .isFalse();
  }

  @Test
  void sampleRequest_encodes_byteForByte() throws Exception {
    byte[] bytes = Fixtures.hex("stun/good/rfc5769-sample-request.hex");
    StunMessage request = StunMessage.parse(bytes, bytes.length);

    byte[] written =
        StunMessage.of(request.type(), request.transactionId(), request.attributes())
            .toBytes(PASSWORD, true, (byte) ' ');

    assertThat(written).isEqualTo(bytes);
  }

  @Test
  void ipv4Response_decodesTheMappedAddress_andEncodesByteForByte() throws Exception {
    byte[] bytes = Fixtures.hex("stun/good/rfc5769-ipv4-response.hex");

    StunMessage response = StunMessage.parse(bytes, bytes.length);

    assertThat(response.type()).isEqualTo(StunMessage.BINDING_SUCCESS);
    InetSocketAddress mapped = new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853);
    assertThat(response.xorMappedAddress()).contains(mapped);
    assertThat(response.integrityMatches(PASSWORD)).isTrue();
    assertThat(response.fingerprintMatches()).isTrue();
    byte[] written =
        StunMessage.of(
                StunMessage.BINDING_SUCCESS,
                TRANSACTION,
                List.of(
                    StunAttribute.software("test vector"),
                    StunAttribute.xorMappedAddress(mapped, TRANSACTION)))
            .toBytes(PASSWORD, true, (byte) ' ');
    assertThat(written).isEqualTo(bytes);
  }

  @Test
  void ipv6Response_decodesTheMappedAddress_andEncodesByteForByte() throws Exception {
    byte[] bytes = Fixtures.hex("stun/good/rfc5769-ipv6-response.hex");

    StunMessage response = StunMessage.parse(bytes, bytes.length);

    InetSocketAddress mapped =
        new InetSocketAddress(InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853);
    assertThat(response.xorMappedAddress()).contains(mapped);
    assertThat(response.integrityMatches(PASSWORD)).isTrue();
    assertThat(response.fingerprintMatches()).isTrue();
    byte[] written =
        StunMessage.of(
                StunMessage.BINDING_SUCCESS,
                TRANSACTION,
                List.of(
                    StunAttribute.software("test vector"),
                    StunAttribute.xorMappedAddress(mapped, TRANSACTION)))
            .toBytes(PASSWORD, true, (byte) ' ');
    assertThat(written).isEqualTo(bytes);
  }

  @Test
  void oneFlippedBit_failsIntegrityAndFingerprint() throws Exception {
    byte[] bytes = Fixtures.hex("stun/good/rfc5769-sample-request.hex");
    bytes[30] ^= 0x01; // inside SOFTWARE

    StunMessage request = StunMessage.parse(bytes, bytes.length);

    assertThat(request.integrityMatches(PASSWORD)).isFalse();
    assertThat(request.fingerprintMatches()).isFalse();
  }

  @Test
  void unknownOptionalAttribute_isKept_andNeitherBreaksParsingNorIntegrity() throws Exception {
    byte[] written =
        StunMessage.of(
                StunMessage.BINDING_REQUEST,
                TRANSACTION,
                List.of(
                    new StunAttribute(0xC057, new byte[] {1, 2, 3}), StunAttribute.username("a:b")))
            .toBytes(PASSWORD, true);

    StunMessage read = StunMessage.parse(written, written.length);

    assertThat(read.has(0xC057)).isTrue();
    assertThat(read.attribute(0xC057).orElseThrow().comprehensionRequired()).isFalse();
    assertThat(read.username()).contains("a:b");
    assertThat(read.integrityMatches(PASSWORD)).isTrue();
    assertThat(read.fingerprintMatches()).isTrue();
  }

  @Test
  void attributesAfterIntegrity_otherThanFingerprint_areIgnored() throws Exception {
    byte[] signed =
        StunMessage.of(StunMessage.BINDING_REQUEST, TRANSACTION, List.of())
            .toBytes(PASSWORD, false);
    byte[] extended = new byte[signed.length + 4];
    System.arraycopy(signed, 0, extended, 0, signed.length);
    extended[signed.length + 1] = 0x25; // USE-CANDIDATE, after MESSAGE-INTEGRITY
    extended[3] = (byte) (extended.length - StunMessage.HEADER);

    StunMessage read = StunMessage.parse(extended, extended.length);

    assertThat(read.has(StunAttribute.USE_CANDIDATE)).isFalse();
    assertThat(read.integrityMatches(PASSWORD)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "no-magic-cookie",
        "length-not-datagram",
        "attribute-overruns",
        "top-bits-set",
        "attribute-after-fingerprint",
        "short-header",
        "integrity-of-10-bytes"
      })
  void malformed_isRejected(String fixture) {
    byte[] bytes = Fixtures.hex("stun/bad/" + fixture + ".hex");

    assertThatThrownBy(() -> StunMessage.parse(bytes, bytes.length))
        .isInstanceOf(MalformedStunException.class);
  }

  @Test
  void everyTruncation_ofAValidMessage_isRejected() {
    byte[] bytes = Fixtures.hex("stun/good/rfc5769-sample-request.hex");
    for (int length = 0; length < bytes.length; length++) {
      int cut = length;
      assertThatThrownBy(() -> StunMessage.parse(bytes, cut))
          .isInstanceOf(MalformedStunException.class);
    }
  }

  @Test
  void errorCode_roundTrips() throws Exception {
    byte[] written =
        StunMessage.of(
                StunMessage.BINDING_ERROR,
                TRANSACTION,
                List.of(StunAttribute.errorCode(487, "Role Conflict")))
            .toBytes(null, true);

    StunMessage read = StunMessage.parse(written, written.length);

    assertThat(read.errorCode()).contains(487);
    assertThat(read.hasIntegrity()).isFalse();
    assertThat(read.fingerprintMatches()).isTrue();
  }

  @Test
  void firstByte_tellsStunFromRtp() {
    assertThat(DatagramKind.of((byte) 0x00)).isEqualTo(DatagramKind.STUN);
    assertThat(DatagramKind.of((byte) 0x03)).isEqualTo(DatagramKind.STUN);
    assertThat(DatagramKind.of((byte) 0x04)).isEqualTo(DatagramKind.OTHER);
    assertThat(DatagramKind.of((byte) 0x14)).isEqualTo(DatagramKind.OTHER);
    assertThat(DatagramKind.of((byte) 0x7f)).isEqualTo(DatagramKind.OTHER);
    assertThat(DatagramKind.of((byte) 0x80)).isEqualTo(DatagramKind.RTP);
    assertThat(DatagramKind.of((byte) 0xbf)).isEqualTo(DatagramKind.RTP);
    assertThat(DatagramKind.of((byte) 0xc0)).isEqualTo(DatagramKind.OTHER);
  }
}
