package io.tandem.simulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * A YAML document as a tree that remembers the line of every node, so that each problem in a
 * scenario can name its line. Built from Jackson's YAML token stream.
 */
sealed interface YamlNode {

  /** 1-based line where the node starts. */
  int line();

  /** A scalar: its text and what kind of token YAML made of it (string, integer, float …). */
  record Scalar(String text, JsonToken token, int line) implements YamlNode {
    boolean isNull() {
      return token == JsonToken.VALUE_NULL || text.equals("~") && token == JsonToken.VALUE_STRING;
    }
  }

  /** A sequence ({@code - a} items or {@code [a, b]}). */
  record Sequence(List<YamlNode> items, int line) implements YamlNode {}

  /** A mapping; keys keep their order and their own line. */
  record Mapping(Map<String, Entry> entries, int line) implements YamlNode {}

  /** One key of a mapping. */
  record Entry(String key, int line, YamlNode value) {}

  /** A one-word description for messages: "a list", "a mapping", "text '…'". */
  static String describe(YamlNode node) {
    return switch (node) {
      case Sequence s -> "a list";
      case Mapping m -> "a mapping";
      case Scalar s -> s.isNull() ? "nothing" : "'" + s.text() + "'";
    };
  }

  /**
   * Reads {@code text} (one YAML document); syntax errors and repeated keys become problems.
   * Returns {@code null} if the text is not YAML at all.
   */
  static @Nullable YamlNode read(YAMLMapper yaml, String text, Problems problems) {
    try (JsonParser parser = yaml.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        problems.add("", 1, "the file is empty: expected a scenario (name:, queues:, agents: …)");
        return null;
      }
      return new Reader(parser, problems).node("");
    } catch (JacksonException e) {
      TokenStreamLocation location = e.getLocation();
      int line = location == null ? 0 : location.getLineNr();
      String message = e.getOriginalMessage();
      String first =
          message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
      problems.add("", Math.max(line, 0), "is not valid YAML: " + syntax(message, first));
      return null;
    }
  }

  private static String syntax(@Nullable String message, String first) {
    if (message == null) {
      return first;
    }
    // SnakeYAML messages: "while parsing …\n in reader, line 1 …\nexpected …, but got …\n in reader
    // …"
    StringBuilder text = new StringBuilder();
    for (String line : message.lines().toList()) {
      String trimmed = line.trim();
      if (trimmed.isEmpty() || trimmed.startsWith("in reader") || trimmed.equals("^")) {
        continue;
      }
      if (line.startsWith("    ")) {
        continue;
      }
      text.append(text.isEmpty() ? "" : "; ").append(trimmed);
    }
    return text.isEmpty() ? first : text.toString();
  }

  /** The recursive descent over tokens; resolves aliases ({@code *name}) to their anchors. */
  final class Reader {
    private final JsonParser parser;
    private final Problems problems;
    private final Map<String, YamlNode> anchors = new HashMap<>();

    Reader(JsonParser parser, Problems problems) {
      this.parser = parser;
      this.problems = problems;
    }

    YamlNode node(String path) {
      JsonToken token = parser.currentToken();
      int line = parser.currentTokenLocation().getLineNr();
      YAMLParser yaml = parser instanceof YAMLParser p ? p : null;
      if (yaml != null && yaml.isCurrentAlias()) {
        String name = parser.getString();
        YamlNode anchored = anchors.get(name);
        if (anchored == null) {
          problems.add(path, line, "refers to an unknown anchor *" + name);
          return new Scalar("", JsonToken.VALUE_NULL, line);
        }
        return anchored;
      }
      String anchor = yaml == null ? null : yaml.getObjectId();
      YamlNode node =
          switch (token) {
            case START_OBJECT -> mapping(path, line);
            case START_ARRAY -> sequence(path, line);
            default -> {
              String text = token == JsonToken.VALUE_NULL ? "null" : parser.getString();
              yield new Scalar(text == null ? "" : text, token, line);
            }
          };
      if (anchor != null) {
        anchors.put(anchor, node);
      }
      return node;
    }

    private Mapping mapping(String path, int line) {
      Map<String, Entry> entries = new LinkedHashMap<>();
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String key = parser.currentName();
        int keyLine = parser.currentTokenLocation().getLineNr();
        parser.nextToken();
        String child = path.isEmpty() ? key : path + "." + key;
        YamlNode value = node(child);
        Entry previous = entries.get(key);
        if (previous != null) {
          problems.add(child, keyLine, "appears twice (first on line " + previous.line() + ")");
        } else {
          entries.put(key, new Entry(key, keyLine, value));
        }
      }
      return new Mapping(entries, line);
    }

    private Sequence sequence(String path, int line) {
      List<YamlNode> items = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        items.add(node(path + "[" + items.size() + "]"));
      }
      return new Sequence(items, line);
    }
  }
}
