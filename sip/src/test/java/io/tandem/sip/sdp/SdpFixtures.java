package io.tandem.sip.sdp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The named SDP fixtures under {@code src/test/resources/io/tandem/sip/sdp}. */
final class SdpFixtures {

  private SdpFixtures() {}

  /** The text of fixture {@code name}, e.g. {@code sipp-uac-offer.sdp}. */
  static String text(String name) {
    try (InputStream in = SdpFixtures.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fixture {@code name} parsed. */
  static SessionDescription parsed(String name) throws MalformedSdpException {
    return SessionDescription.parse(text(name));
  }
}
