package io.tandem.server.eventlog;

import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Core records as documents people write (the configuration API's flows): the {@link JsonTypes JSON
 * form} of the event log, except that a {@code @Nullable} field may be left out (it reads as null,
 * and null fields are left out when writing) and durations are read with the given parser.
 * Immutable and thread-safe.
 */
public final class RecordDocuments {

  private final JsonDecoder decoder;

  /**
   * @param durations reads a duration's text, throwing if it is not one
   * @param durationExample a duration as {@code durations} reads it, for messages
   */
  public RecordDocuments(Function<String, Duration> durations, String durationExample) {
    this.decoder = new JsonDecoder(true, durations, durationExample);
  }

  /**
   * The record of class {@code type} that {@code node} describes.
   *
   * @throws IllegalArgumentException naming the field path under {@code path} and what is wrong
   */
  public <T> T read(Class<T> type, JsonNode node, String path) {
    try {
      return type.cast(decoder.decodeFields(type, node, path, Set.of()));
    } catch (InvalidValue e) {
      throw new FieldException(e.field(), e.problem());
    }
  }

  /** The document of {@code record}: its JSON form without null fields. */
  public ObjectNode write(Record record) {
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    JsonEncoder.encodeFields(record, object);
    dropNulls(object);
    return object;
  }

  private static void dropNulls(JsonNode node) {
    if (node instanceof ObjectNode object) {
      java.util.List<String> nulls = new java.util.ArrayList<>();
      object
          .properties()
          .forEach(
              entry -> {
                if (entry.getValue().isNull()) {
                  nulls.add(entry.getKey());
                }
              });
      object.remove(nulls);
    }
    for (JsonNode child : node) {
      dropNulls(child);
    }
  }

  /** A document value that is wrong, with the path of its field. */
  public static final class FieldException extends IllegalArgumentException {

    private final String field;

    FieldException(String field, String problem) {
      super(problem);
      this.field = field;
    }

    /** The path of the field, e.g. {@code flows[0].nodes.menu.timeout}. */
    public String field() {
      return field;
    }
  }
}
