package io.tandem.core.voicemail;

import java.util.HexFormat;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/** Identifies a voicemail message: {@code vm_} and 24 lowercase hex digits. */
public record VoicemailMessageId(String value) {

  private static final Pattern FORM = Pattern.compile("vm_[0-9a-f]{24}");

  public VoicemailMessageId {
    if (!FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("not a voicemail message id: " + value);
    }
  }

  /** A new id from {@code random}. */
  public static VoicemailMessageId random(RandomGenerator random) {
    byte[] bytes = new byte[12];
    random.nextBytes(bytes);
    return new VoicemailMessageId("vm_" + HexFormat.of().formatHex(bytes));
  }

  /** Whether {@code text} is an id's form (for rejecting bad ids at the edge). */
  public static boolean isValid(String text) {
    return FORM.matcher(text).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
