package io.tandem.server.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Locale;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.MapperBuilder;
import tools.jackson.databind.cfg.MutableCoercionConfig;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Reads and writes {@link ConfigurationDocument}s as YAML or JSON, strictly: unknown fields,
 * duplicate keys, and a number, boolean or text where another is expected fail with a {@link
 * tools.jackson.core.JacksonException} naming the path. Absent (null) values are not written.
 * Thread-safe.
 */
public final class DocumentFormats {

  /** The media type of YAML documents. */
  public static final String YAML = "application/yaml";

  private static final ObjectMapper YAML_MAPPER =
      strict(YAMLMapper.builder())
          .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
          .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
          .build();
  private static final ObjectMapper JSON_MAPPER = strict(JsonMapper.builder()).build();

  private DocumentFormats() {}

  private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B strict(B builder) {
    return builder
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
        .changeDefaultPropertyInclusion(
            include -> include.withValueInclusion(JsonInclude.Include.NON_NULL))
        .withCoercionConfigDefaults(DocumentFormats::refuseScalarCoercion);
  }

  /**
   * Makes a mapper refuse a number, boolean or text where another scalar is expected ({@code "5"}
   * for 5, 7 for {@code "7"}) instead of converting it; the API's request bodies are read so too.
   */
  public static void refuseScalarCoercion(MutableCoercionConfig config) {
    config
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
  }

  /** Whether {@code contentType} names YAML ({@code application/yaml}, {@code text/yaml} …). */
  public static boolean isYaml(String contentType) {
    return contentType.toLowerCase(Locale.ROOT).contains("yaml");
  }

  /** The document in {@code text}, YAML when {@code yaml}, else JSON. */
  public static ConfigurationDocument read(String text, boolean yaml) {
    return (yaml ? YAML_MAPPER : JSON_MAPPER).readValue(text, ConfigurationDocument.class);
  }

  /** {@code document} as YAML when {@code yaml}, else as JSON. */
  public static String write(ConfigurationDocument document, boolean yaml) {
    return (yaml ? YAML_MAPPER : JSON_MAPPER)
        .writerWithDefaultPrettyPrinter()
        .writeValueAsString(document);
  }
}
