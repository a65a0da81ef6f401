package io.tandem.acs.streams;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The named frame fixtures under {@code src/test/resources/streams}. */
final class Fixtures {

  private Fixtures() {}

  static String frame(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/streams/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
