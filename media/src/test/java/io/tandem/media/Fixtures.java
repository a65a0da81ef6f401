package io.tandem.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Collectors;

/** Named protocol fixtures from the test resources: hex dumps with {@code #} comment lines. */
public final class Fixtures {

  private Fixtures() {}

  /** The bytes of the hex fixture at {@code resource} (relative to the test resources root). */
  public static byte[] hex(String resource) {
    String text = text(resource);
    String digits =
        text.lines()
            .filter(line -> !line.startsWith("#"))
            .collect(Collectors.joining())
            .replaceAll("\\s+", "");
    return HexFormat.of().parseHex(digits);
  }

  private static String text(String resource) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/" + resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
