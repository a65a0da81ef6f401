package io.tandem.core.flow.internal;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The E.164 form of phone numbers: {@code +}, a country code not starting with 0, 7-15 digits. */
public final class E164 {

  private static final Pattern NUMBER = Pattern.compile("\\+[1-9][0-9]{6,14}");

  private E164() {}

  /** Whether {@code number} is a phone number in E.164 form, such as {@code +41441234567}. */
  public static boolean isValid(@Nullable String number) {
    return number != null && NUMBER.matcher(number).matches();
  }
}
