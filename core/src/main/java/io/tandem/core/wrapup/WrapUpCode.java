package io.tandem.core.wrapup;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A disposition code an agent may choose when completing wrap-up, with the label agents see.
 *
 * @param code 1-64 letters, digits, {@code .}, {@code _} or {@code -}, e.g. {@code sale-closed}
 * @param label what agents see, e.g. {@code Sale closed}; not blank
 */
public record WrapUpCode(String code, String label) {

  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** Rejects a malformed code and a blank label. */
  public WrapUpCode {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(label, "label");
    if (!CODE.matcher(code).matches()) {
      throw new IllegalArgumentException(
          "wrap-up code must be 1-64 letters, digits, '.', '_' or '-', got '" + code + "'");
    }
    if (label.isBlank()) {
      throw new IllegalArgumentException("wrap-up code '" + code + "' needs a label");
    }
  }
}
