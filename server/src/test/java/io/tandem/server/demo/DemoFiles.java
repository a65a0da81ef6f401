package io.tandem.server.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The demo file that ships in the server's resources, for tests. */
final class DemoFiles {

  private DemoFiles() {}

  /** The text of {@code demo/demo-tenant.yaml}. */
  static String shippedText() {
    try (InputStream in =
        DemoFiles.class.getClassLoader().getResourceAsStream("demo/demo-tenant.yaml")) {
      if (in == null) {
        throw new IllegalStateException("demo/demo-tenant.yaml is not on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The shipped demo, read. */
  static DemoDefinition shipped() {
    return DemoFile.parse(shippedText(), "demo-tenant.yaml");
  }
}
