package io.tandem.server.demo;

import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The line of every key and list item of a YAML document by its path ({@code
 * virtualAssistant.menu.timeout}, {@code queues[1].arrivals}), so that problems found after binding
 * can still name their line.
 */
final class YamlLines {

  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private final Map<String, Integer> lines = new HashMap<>();

  private YamlLines() {}

  /** Indexes {@code yaml}; a document that is not valid YAML gets no lines. */
  static YamlLines of(String yaml) {
    YamlLines index = new YamlLines();
    try (JsonParser parser = YAML.createParser(yaml)) {
      if (parser.nextToken() != null) {
        index.walk(parser, "");
      }
    } catch (JacksonException e) {
      // Reported by whoever reads the document; only the lines read so far are known.
    }
    return index;
  }

  /** {@code "line 12: "} for the path or its closest ancestor; empty when none is known. */
  String prefix(String path) {
    String at = path;
    while (!at.isEmpty()) {
      Integer line = lines.get(at);
      if (line != null) {
        return "line " + line + ": ";
      }
      int cut = Math.max(at.lastIndexOf('.'), at.lastIndexOf('['));
      at = cut < 0 ? "" : at.substring(0, cut);
    }
    return "";
  }

  /** Records the lines below the value the parser is at, which is at {@code path}. */
  private void walk(JsonParser parser, String path) {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String key = path.isEmpty() ? parser.currentName() : path + "." + parser.currentName();
        lines.putIfAbsent(key, parser.currentTokenLocation().getLineNr());
        parser.nextToken();
        walk(parser, key);
      }
    } else if (token == JsonToken.START_ARRAY) {
      int index = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        String item = path + "[" + index++ + "]";
        lines.putIfAbsent(item, parser.currentTokenLocation().getLineNr());
        walk(parser, item);
      }
    }
  }
}
