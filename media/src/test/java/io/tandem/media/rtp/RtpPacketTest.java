package io.tandem.media.rtp;

import static io.tandem.media.Fixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RtpPacketTest {

  @Test
  void pcmuTalkspurtStart_decodesWhole() {
    RtpPacket packet = RtpPacket.parse(hex("rtp/good/pcmu-talkspurt-start.hex"));

    assertThat(packet.marker()).isTrue();
    assertThat(packet.payloadType()).isZero();
    assertThat(packet.sequenceNumber()).isEqualTo(0x1234);
    assertThat(packet.timestamp()).isEqualTo(4000);
    assertThat(packet.ssrc()).isEqualTo(0xDEADBEEFL);
    assertThat(packet.csrcs()).isEmpty();
    assertThat(packet.extension()).isNull();
    assertThat(packet.payload()).hasSize(160).containsOnly((byte) 0xFF);
    assertThat(packet.paddingLength()).isZero();
  }

  @Test
  void csrcsExtensionAndPadding_decodeAndStripThePadding() {
    RtpPacket packet = RtpPacket.parse(hex("rtp/good/pcma-csrcs-extension-padding.hex"));

    assertThat(packet.marker()).isFalse();
    assertThat(packet.payloadType()).isEqualTo(8);
    assertThat(packet.sequenceNumber()).isEqualTo(65535);
    assertThat(packet.timestamp()).isZero();
    assertThat(packet.ssrc()).isEqualTo(0x11223344L);
    assertThat(packet.csrcs()).containsExactly(0xAAAAAAAAL, 0xBBBBBBBBL);
    assertThat(packet.extension())
        .isEqualTo(new HeaderExtension(0xBEDE, HexFormat.of().parseHex("10ff0000")));
    assertThat(packet.payload()).containsExactly(0xd5, 0xd5, 0xd5, 0xd5, 0xd5);
    assertThat(packet.paddingLength()).isEqualTo(3);
  }

  @ParameterizedTest
  @CsvSource({
    "rtp/good/pcmu-talkspurt-start.hex",
    "rtp/good/pcma-csrcs-extension-padding.hex",
    "rtp/good/telephone-event-end.hex"
  })
  void goodFixtures_writeBackByteForByte(String fixture) {
    byte[] wire = hex(fixture);

    assertThat(RtpPacket.parse(wire).toBytes()).isEqualTo(wire);
  }

  @Test
  void parsingFromABuffer_readsOnlyItsRemainingBytes() {
    byte[] wire = hex("rtp/good/telephone-event-end.hex");
    ByteBuffer buffer = ByteBuffer.allocate(100).put(new byte[] {9, 9}).put(wire).flip();
    buffer.position(2);

    RtpPacket packet = RtpPacket.parse(buffer);

    assertThat(packet.payload()).containsExactly(0x05, 0x8a, 0x03, 0x20);
    assertThat(buffer.hasRemaining()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "rtp/bad/eleven-bytes.hex, shorter than the 12-byte fixed header",
    "rtp/bad/version-1.hex, version 1",
    "rtp/bad/padding-longer-than-payload.hex, padding length 9",
    "rtp/bad/padding-zero.hex, padding length 0",
    "rtp/bad/csrcs-truncated.hex, 3 CSRCs",
    "rtp/bad/extension-truncated.hex, header extension of 2 words",
    "rtp/bad/extension-header-missing.hex, header extension's header",
  })
  void badFixtures_areRejectedWithTheBrokenRule(String fixture, String message) {
    byte[] wire = hex(fixture);

    assertThatThrownBy(() -> RtpPacket.parse(wire))
        .isInstanceOf(MalformedRtpException.class)
        .hasMessageContaining(message);
  }

  @Property
  void anyBytes_parseOrFailAsMalformed_neverOutOfBounds(@ForAll @Size(max = 64) byte[] bytes) {
    try {
      RtpPacket packet = RtpPacket.parse(bytes);
      assertThat(packet.encodedLength()).isEqualTo(bytes.length);
    } catch (MalformedRtpException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }

  @Property
  void writtenPackets_parseBackEqual(
      @ForAll boolean marker,
      @ForAll @IntRange(max = 127) int payloadType,
      @ForAll @IntRange(max = 65535) int sequenceNumber,
      @ForAll @LongRange(max = 0xFFFF_FFFFL) long timestamp,
      @ForAll @LongRange(max = 0xFFFF_FFFFL) long ssrc,
      @ForAll @Size(max = 15) List<@LongRange(max = 0xFFFF_FFFFL) Long> csrcs,
      @ForAll @Size(max = 200) byte[] payload,
      @ForAll @IntRange(max = 255) int paddingLength) {
    HeaderExtension extension =
        payload.length % 2 == 0 ? null : new HeaderExtension(7, Arrays.copyOf(payload, 8));
    RtpPacket packet =
        new RtpPacket(
            marker,
            payloadType,
            sequenceNumber,
            timestamp,
            ssrc,
            csrcs,
            extension,
            payload,
            paddingLength);

    assertThat(RtpPacket.parse(packet.toBytes())).isEqualTo(packet);
  }

  @Test
  void fieldsOutOfRange_areRefusedAtConstruction() {
    assertThatThrownBy(() -> RtpPacket.of(false, 128, 0, 0, 0, new byte[0]))
        .hasMessageContaining("payload type");
    assertThatThrownBy(() -> RtpPacket.of(false, 0, 65536, 0, 0, new byte[0]))
        .hasMessageContaining("sequence number");
    assertThatThrownBy(() -> RtpPacket.of(false, 0, 0, 1L << 32, 0, new byte[0]))
        .hasMessageContaining("timestamp");
    assertThatThrownBy(() -> new HeaderExtension(1, new byte[3]))
        .hasMessageContaining("32-bit words");
  }

  @Test
  void serialNumbers_wrap() {
    assertThat(SerialNumbers.sequenceDelta(65535, 0)).isEqualTo(1);
    assertThat(SerialNumbers.sequenceDelta(0, 65535)).isEqualTo(-1);
    assertThat(SerialNumbers.nextSequence(65535)).isZero();
    assertThat(SerialNumbers.timestampDelta(0xFFFF_FF60L, 0)).isEqualTo(160);
    assertThat(SerialNumbers.addToTimestamp(0xFFFF_FF60L, 160)).isZero();
  }
}
