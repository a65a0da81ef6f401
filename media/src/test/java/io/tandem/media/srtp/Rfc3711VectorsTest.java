package io.tandem.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The test vectors of RFC 3711 Appendix B. */
class Rfc3711VectorsTest {

  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  @Test
  void b2_aesCounterModeKeystream() {
    AesCounterMode aes = new AesCounterMode(HEX.parseHex("2B7E151628AED2A6ABF7158809CF4F3C"));
    byte[] iv = HEX.parseHex("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000");

    byte[] keystream = aes.keystream(iv, 0xFF02 * 16);

    assertThat(block(keystream, 0x0000)).isEqualTo("E03EAD0935C95E80E166B16DD92B4EB4");
    assertThat(block(keystream, 0x0001)).isEqualTo("D23513162B02D0F72A43A2FE4A5F97AB");
    assertThat(block(keystream, 0x0002)).isEqualTo("41E95B3BB0A2E8DD477901E4FCA894C0");
    assertThat(block(keystream, 0xFEFF)).isEqualTo("EC8CDF7398607CB0F2D21675EA9EA1E4");
    assertThat(block(keystream, 0xFF00)).isEqualTo("362B7C3C6773516318A077D7FC5073AE");
    assertThat(block(keystream, 0xFF01)).isEqualTo("6A2CC3787889374FBEB4C81B17BA6C44");
  }

  @Test
  void b3_keyDerivation() {
    MasterKey master =
        new MasterKey(
            HEX.parseHex("E1F97A0D3E018BE0D64FA32C06DE4139"),
            HEX.parseHex("0EC675AD498AFEEBB6960B3AABE6"));

    SessionKeys keys = SessionKeys.derive(master);

    assertThat(HEX.formatHex(keys.encryption())).isEqualTo("C61E7A93744F39EE10734AFE3FF7A087");
    assertThat(HEX.formatHex(keys.salt())).isEqualTo("30CBBC08863D8C85D49DB34A9AE1");
    assertThat(HEX.formatHex(keys.authentication()))
        .isEqualTo("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4");
  }

  private static String block(byte[] keystream, int counter) {
    return HEX.formatHex(Arrays.copyOfRange(keystream, counter * 16, counter * 16 + 16));
  }
}
