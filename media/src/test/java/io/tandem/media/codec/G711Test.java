package io.tandem.media.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class G711Test {

  @Test
  void muLaw_knownVectors() {
    assertThat(MuLaw.decode((byte) 0xFF)).isEqualTo((short) 0);
    assertThat(MuLaw.decode((byte) 0x7F)).isEqualTo((short) 0);
    assertThat(MuLaw.decode((byte) 0x00)).isEqualTo((short) -32124);
    assertThat(MuLaw.decode((byte) 0x80)).isEqualTo((short) 32124);
    assertThat(MuLaw.encode((short) 0)).isEqualTo((byte) 0xFF);
    assertThat(MuLaw.encode((short) -32124)).isEqualTo((byte) 0x00);
    assertThat(MuLaw.encode(Short.MAX_VALUE)).isEqualTo((byte) 0x80);
    assertThat(MuLaw.encode(Short.MIN_VALUE)).isEqualTo((byte) 0x00);
  }

  @Test
  void aLaw_knownVectors() {
    assertThat(ALaw.decode((byte) 0xD5)).isEqualTo((short) 8);
    assertThat(ALaw.decode((byte) 0x55)).isEqualTo((short) -8);
    assertThat(ALaw.decode((byte) 0xAA)).isEqualTo((short) 32256);
    assertThat(ALaw.decode((byte) 0x2A)).isEqualTo((short) -32256);
    assertThat(ALaw.encode((short) 0)).isEqualTo((byte) 0xD5);
    assertThat(ALaw.encode((short) -1)).isEqualTo((byte) 0x55);
    assertThat(ALaw.encode(Short.MAX_VALUE)).isEqualTo((byte) 0xAA);
    assertThat(ALaw.encode(Short.MIN_VALUE)).isEqualTo((byte) 0x2A);
  }

  @Property
  void muLaw_roundTrip_staysWithinTheQuantisationError(@ForAll short sample) {
    int error = Math.abs(MuLaw.decode(MuLaw.encode(sample)) - sample);

    assertThat(error).isLessThanOrEqualTo((Math.abs(sample) + MuLaw.BIAS) / 32);
  }

  @Property
  void aLaw_roundTrip_staysWithinTheQuantisationError(@ForAll short sample) {
    int error = Math.abs(ALaw.decode(ALaw.encode(sample)) - sample);

    assertThat(error).isLessThanOrEqualTo(Math.max(8, Math.abs(sample) / 32 + 8));
  }

  @Property
  void codes_roundTripThroughTheirOwnSample(@ForAll byte code, @ForAll G711 codec) {
    short sample = codec.decode(code);
    // µ-law has two codes for zero (0xFF and 0x7F); both decode to 0, which encodes to 0xFF.
    assertThat(codec.decode(codec.encode(sample))).isEqualTo(sample);
  }

  @Property
  void encoding_preservesOrder(@ForAll short a, @ForAll short b, @ForAll G711 codec) {
    if (a <= b) {
      assertThat(codec.decode(codec.encode(a))).isLessThanOrEqualTo(codec.decode(codec.encode(b)));
    }
  }

  @Test
  void everySample_roundTripsWithinTheBound() {
    for (int sample = Short.MIN_VALUE; sample <= Short.MAX_VALUE; sample++) {
      short s = (short) sample;
      assertThat(Math.abs(MuLaw.decode(MuLaw.encode(s)) - s))
          .isLessThanOrEqualTo((Math.abs(sample) + MuLaw.BIAS) / 32);
      assertThat(Math.abs(ALaw.decode(ALaw.encode(s)) - s))
          .isLessThanOrEqualTo(Math.max(8, Math.abs(sample) / 32 + 8));
    }
  }

  @Test
  void payloadTypes_areTheStaticOnesOfRfc3551() {
    assertThat(G711.PCMU.payloadType()).isZero();
    assertThat(G711.PCMA.payloadType()).isEqualTo(8);
    assertThat(G711.forPayloadType(8)).isEqualTo(G711.PCMA);
    assertThat(G711.isG711(101)).isFalse();
    assertThatThrownBy(() -> G711.forPayloadType(101)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void frames_encodeAndDecodeSampleBySample() {
    short[] frame = {0, 100, -100, 32767, -32768};

    byte[] codes = G711.PCMA.encode(frame);

    assertThat(codes).hasSize(5);
    assertThat(G711.PCMA.decode(codes)).containsExactly(8, 104, -104, 32256, -32256);
    assertThat(G711.PCMU.silence()).isEqualTo((byte) 0xFF);
    assertThat(G711.PCMA.silence()).isEqualTo((byte) 0xD5);
  }
}
