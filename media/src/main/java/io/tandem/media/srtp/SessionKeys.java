package io.tandem.media.srtp;

/**
 * The SRTP session keys derived from a master key (RFC 3711 §4.3.1) with key derivation rate 0:
 * label 0x00 the 128-bit encryption key, 0x01 the 160-bit authentication key, 0x02 the 112-bit
 * salt. The PRF is AES-CM keyed with the master key over IV = (label·2⁴⁸ XOR master salt)·2¹⁶.
 */
record SessionKeys(byte[] encryption, byte[] authentication, byte[] salt) {

  static final int AUTH_KEY_LENGTH = 20;

  /** Derives the session keys of {@code master}. */
  static SessionKeys derive(MasterKey master) {
    AesCounterMode prf = new AesCounterMode(master.key());
    byte[] salt = master.salt();
    return new SessionKeys(
        derive(prf, salt, 0x00, SrtpSuite.KEY_LENGTH),
        derive(prf, salt, 0x01, AUTH_KEY_LENGTH),
        derive(prf, salt, 0x02, SrtpSuite.SALT_LENGTH));
  }

  private static byte[] derive(AesCounterMode prf, byte[] masterSalt, int label, int length) {
    byte[] iv = new byte[AesCounterMode.BLOCK];
    System.arraycopy(masterSalt, 0, iv, 0, SrtpSuite.SALT_LENGTH);
    iv[7] ^= (byte) label;
    return prf.keystream(iv, length);
  }
}
