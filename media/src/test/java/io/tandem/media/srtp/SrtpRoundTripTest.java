package io.tandem.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.media.rtp.HeaderExtension;
import io.tandem.media.rtp.RtpPacket;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SrtpRoundTripTest {

  private final MasterKey key = MasterKey.random(new Random(7));
  private final SrtpProtector sender = new SrtpProtector(SrtpSuite.AES_CM_128_HMAC_SHA1_80, key);
  private final SrtpUnprotector receiver =
      new SrtpUnprotector(SrtpSuite.AES_CM_128_HMAC_SHA1_80, key);

  @Test
  void protect_thenUnprotect_givesTheSamePacket_withTheHeaderInClear() {
    RtpPacket packet = tone(1000, 0x12345678L);
    byte[] plain = packet.toBytes();

    byte[] wire = protect(sender, packet);

    assertThat(wire).hasSize(plain.length + 10);
    assertThat(Arrays.copyOf(wire, 12)).isEqualTo(Arrays.copyOf(plain, 12));
    assertThat(Arrays.copyOfRange(wire, 12, plain.length))
        .isNotEqualTo(Arrays.copyOfRange(plain, 12, plain.length));
    assertThat(unprotect(receiver, wire)).isEqualTo(packet);
  }

  @Test
  void protect_keepsCsrcsAndExtensionInClear() {
    RtpPacket packet =
        new RtpPacket(
            true,
            0,
            7,
            160,
            99,
            List.of(1L, 2L),
            new HeaderExtension(0xBEDE, new byte[] {1, 2, 3, 4}),
            payload(160),
            0);
    byte[] plain = packet.toBytes();

    byte[] wire = protect(sender, packet);

    int header = 12 + 8 + 8;
    assertThat(Arrays.copyOf(wire, header)).isEqualTo(Arrays.copyOf(plain, header));
    assertThat(unprotect(receiver, wire)).isEqualTo(packet);
  }

  @Test
  void tamperedPayload_isRejected_andCounted() {
    byte[] wire = protect(sender, tone(5, 1));
    wire[20] ^= 1;

    assertThat(receiver.unprotect(wire, wire.length)).isEqualTo(SrtpUnprotector.UNAUTHENTIC);
    assertThat(receiver.unauthentic()).isEqualTo(1);
  }

  @Test
  void tamperedHeader_isRejected() {
    byte[] wire = protect(sender, tone(5, 1));
    wire[1] ^= (byte) 0x80;

    assertThat(receiver.unprotect(wire, wire.length)).isEqualTo(SrtpUnprotector.UNAUTHENTIC);
  }

  @Test
  void rejectedPacket_isLeftEncrypted_andTheNextGoodOneStillPasses() {
    byte[] bad = protect(sender, tone(5, 1));
    byte[] copy = bad.clone();
    bad[bad.length - 1] ^= 1;
    copy[copy.length - 1] ^= 1;

    receiver.unprotect(bad, bad.length);

    assertThat(bad).isEqualTo(copy);
    assertThat(unprotect(receiver, protect(sender, tone(6, 1)))).isEqualTo(tone(6, 1));
  }

  @Test
  void anotherKey_isRejected() {
    SrtpUnprotector stranger =
        new SrtpUnprotector(SrtpSuite.AES_CM_128_HMAC_SHA1_80, MasterKey.random(new Random(8)));
    byte[] wire = protect(sender, tone(5, 1));

    assertThat(stranger.unprotect(wire, wire.length)).isEqualTo(SrtpUnprotector.UNAUTHENTIC);
  }

  @Test
  void replayedPacket_isRejected_andCounted() {
    byte[] wire = protect(sender, tone(5, 1));
    byte[] again = wire.clone();
    assertThat(receiver.unprotect(wire, wire.length)).isPositive();

    assertThat(receiver.unprotect(again, again.length)).isEqualTo(SrtpUnprotector.REPLAYED);
    assertThat(receiver.replayed()).isEqualTo(1);
  }

  @Test
  void reorderedPacketInsideTheWindow_isAccepted_butOlderThanTheWindowIsNot() {
    byte[] late = protect(sender, tone(100, 1));
    byte[] ancient = protect(sender, tone(101, 1));
    for (int sequence = 102; sequence <= 170; sequence++) {
      byte[] wire = protect(sender, tone(sequence, 1));
      if (sequence == 102 || sequence == 130) {
        assertThat(receiver.unprotect(wire, wire.length)).isPositive();
      }
      if (sequence == 130) {
        assertThat(receiver.unprotect(late, late.length)).isPositive();
      }
    }
    byte[] newest = protect(sender, tone(171, 1));
    assertThat(receiver.unprotect(newest, newest.length)).isPositive();

    assertThat(receiver.unprotect(ancient, ancient.length)).isEqualTo(SrtpUnprotector.REPLAYED);
  }

  @Test
  void sequenceWrap_advancesTheRolloverCounter_onBothSides() {
    List<Integer> sequences = List.of(65533, 65534, 65535, 0, 1, 2);
    for (int sequence : sequences) {
      RtpPacket packet = tone(sequence, 1);

      assertThat(unprotect(receiver, protect(sender, packet))).isEqualTo(packet);
    }
  }

  @Test
  void afterTheWrap_theIndexIncludesTheRolloverCounter() {
    // A receiver that missed the wrap (new from sequence 0 with ROC 0) cannot authenticate it.
    for (int sequence : List.of(65534, 65535)) {
      protect(sender, tone(sequence, 1));
    }
    byte[] wrapped = protect(sender, tone(0, 1));
    SrtpUnprotector fresh = new SrtpUnprotector(SrtpSuite.AES_CM_128_HMAC_SHA1_80, key);

    assertThat(fresh.unprotect(wrapped, wrapped.length)).isEqualTo(SrtpUnprotector.UNAUTHENTIC);
  }

  @Test
  void lateDelivery_acrossTheWrap_usesThePreviousRolloverCounter() {
    byte[] first = protect(sender, tone(65534, 1));
    byte[] beforeWrap = protect(sender, tone(65535, 1));
    byte[] afterWrap = protect(sender, tone(0, 1));

    assertThat(receiver.unprotect(first, first.length)).isPositive();
    assertThat(receiver.unprotect(afterWrap, afterWrap.length)).isPositive();

    assertThat(unprotect(receiver, beforeWrap)).isEqualTo(tone(65535, 1));
  }

  @Test
  void thirtyTwoBitTags_roundTrip() {
    SrtpProtector short32 = new SrtpProtector(SrtpSuite.AES_CM_128_HMAC_SHA1_32, key);
    SrtpUnprotector check32 = new SrtpUnprotector(SrtpSuite.AES_CM_128_HMAC_SHA1_32, key);
    RtpPacket packet = tone(9, 3);

    byte[] wire = protect(short32, packet);

    assertThat(wire).hasSize(packet.encodedLength() + 4);
    assertThat(unprotect(check32, wire)).isEqualTo(packet);
  }

  @Test
  void mkiBetweenPayloadAndTag_isSkipped() {
    SrtpUnprotector withMki = new SrtpUnprotector(SrtpSuite.AES_CM_128_HMAC_SHA1_80, key, 1);
    RtpPacket packet = tone(9, 3);
    byte[] wire = protect(sender, packet);
    byte[] withMkiByte = new byte[wire.length + 1];
    int tagAt = wire.length - 10;
    System.arraycopy(wire, 0, withMkiByte, 0, tagAt);
    withMkiByte[tagAt] = 1;
    System.arraycopy(wire, tagAt, withMkiByte, tagAt + 1, 10);

    assertThat(unprotect(withMki, withMkiByte)).isEqualTo(packet);
  }

  @Test
  void tooShortDatagram_isMalformed() {
    byte[] stub = new byte[15];
    stub[0] = (byte) 0x80;

    assertThat(receiver.unprotect(stub, stub.length)).isEqualTo(SrtpUnprotector.MALFORMED);
    assertThat(receiver.malformed()).isEqualTo(1);
  }

  @Test
  void notRtp_cannotBeProtected() {
    assertThatThrownBy(() -> sender.protect(new byte[40], 8))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void masterKey_base64_roundTrips_andRejectsWrongLengths() {
    assertThat(MasterKey.fromBase64(key.base64())).isEqualTo(key);
    assertThat(key.base64()).hasSize(40);
    assertThatThrownBy(() -> MasterKey.fromBase64("AAAA"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MasterKey.fromBase64("not base64!"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(key.toString()).doesNotContain(key.base64());
  }

  @Test
  void microsoftsExampleKey_decodes() {
    assertThat(MasterKey.fromBase64("V/Lr6Lsvhad/crSB9kCQ28jrYDxR2Yfk5bXryH5V").base64())
        .isEqualTo("V/Lr6Lsvhad/crSB9kCQ28jrYDxR2Yfk5bXryH5V");
  }

  private static RtpPacket tone(int sequence, long ssrc) {
    return RtpPacket.of(false, 0, sequence, 160L * sequence, ssrc, payload(160));
  }

  private static byte[] payload(int length) {
    byte[] payload = new byte[length];
    for (int i = 0; i < length; i++) {
      payload[i] = (byte) (i * 7);
    }
    return payload;
  }

  private static byte[] protect(SrtpProtector protector, RtpPacket packet) {
    byte[] buffer = Arrays.copyOf(packet.toBytes(), packet.encodedLength() + 16);
    int length = protector.protect(buffer, packet.encodedLength());
    return Arrays.copyOf(buffer, length);
  }

  private static RtpPacket unprotect(SrtpUnprotector unprotector, byte[] wire) {
    byte[] copy = wire.clone();
    int length = unprotector.unprotect(copy, copy.length);
    assertThat(length).as("unprotect result").isPositive();
    return RtpPacket.parse(Arrays.copyOf(copy, length));
  }
}
