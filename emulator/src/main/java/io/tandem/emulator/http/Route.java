package io.tandem.emulator.http;

import io.tandem.emulator.journal.Channel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A method and a path pattern with {@code {name}} variables, which may share a segment with literal
 * text ({@code /calling/callConnections/{id}:terminate}). A variable matches one segment, never a
 * {@code /}; it is URL-decoded before the handler sees it.
 */
public record Route(Channel channel, String method, String pattern, RouteHandler handler) {

  private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

  /** The variables of {@code path} if this route's pattern matches it, else null. */
  @Nullable Map<String, String> match(String path) {
    Compiled compiled = compile(pattern);
    Matcher matcher = compiled.regex.matcher(path);
    if (!matcher.matches()) {
      return null;
    }
    Map<String, String> variables = new LinkedHashMap<>();
    for (int i = 0; i < compiled.names.size(); i++) {
      variables.put(compiled.names.get(i), HttpCall.decode(matcher.group(i + 1)));
    }
    return variables;
  }

  private static final Map<String, Compiled> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

  private static Compiled compile(String pattern) {
    return CACHE.computeIfAbsent(
        pattern,
        p -> {
          List<String> names = new ArrayList<>();
          StringBuilder regex = new StringBuilder();
          Matcher variable = VARIABLE.matcher(p);
          int last = 0;
          while (variable.find()) {
            regex.append(Pattern.quote(p.substring(last, variable.start())));
            boolean literalFollows = variable.end() < p.length() && p.charAt(variable.end()) != '/';
            regex.append(literalFollows ? "([^/]+?)" : "([^/]+)");
            names.add(variable.group(1));
            last = variable.end();
          }
          regex.append(Pattern.quote(p.substring(last)));
          return new Compiled(Pattern.compile(regex.toString()), List.copyOf(names));
        });
  }

  private record Compiled(Pattern regex, List<String> names) {}
}
