package io.tandem.media.ice;

import java.nio.charset.StandardCharsets;
import java.util.random.RandomGenerator;

/**
 * An agent's ICE username fragment and password ({@code a=ice-ufrag}, {@code a=ice-pwd}, RFC 8839
 * §5.4): ice-chars only (letters, digits, {@code +}, {@code /}), the fragment 4-256 long, the
 * password 22-256.
 */
public record IceCredentials(String ufrag, String pwd) {

  private static final String ICE_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  /** The fragment length Tandem picks: 8 characters, 48 random bits. */
  public static final int UFRAG_LENGTH = 8;

  /** The password length Tandem picks: 24 characters, 144 random bits (at least 128, §5.3). */
  public static final int PWD_LENGTH = 24;

  /** Checks the lengths and characters. */
  public IceCredentials {
    check("ice-ufrag", ufrag, 4);
    check("ice-pwd", pwd, 22);
  }

  /** Fresh credentials from {@code random} (a {@code SecureRandom} in production). */
  public static IceCredentials random(RandomGenerator random) {
    return new IceCredentials(chars(random, UFRAG_LENGTH), chars(random, PWD_LENGTH));
  }

  /** The password as the MESSAGE-INTEGRITY key (short-term credentials: its UTF-8 bytes). */
  public byte[] key() {
    return pwd.getBytes(StandardCharsets.UTF_8);
  }

  private static String chars(RandomGenerator random, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(ICE_CHARS.charAt(random.nextInt(ICE_CHARS.length())));
    }
    return text.toString();
  }

  private static void check(String what, String value, int min) {
    if (value.length() < min || value.length() > 256) {
      throw new IllegalArgumentException(what + " of " + value.length() + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      if (ICE_CHARS.indexOf(value.charAt(i)) < 0) {
        throw new IllegalArgumentException(what + " has a character that is not an ice-char");
      }
    }
  }
}
