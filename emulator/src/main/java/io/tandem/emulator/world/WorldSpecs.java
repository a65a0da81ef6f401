package io.tandem.emulator.world;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads a {@link WorldSpec} from YAML (or JSON, which is YAML), refusing unknown fields. */
public final class WorldSpecs {

  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private WorldSpecs() {}

  public static WorldSpec read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  public static WorldSpec read(InputStream in, String source) {
    try {
      return YAML.readValue(in, WorldSpec.class);
    } catch (JacksonException invalid) {
      throw new IllegalArgumentException(
          "invalid emulator configuration " + source + ": " + invalid.getOriginalMessage(),
          invalid);
    }
  }
}
