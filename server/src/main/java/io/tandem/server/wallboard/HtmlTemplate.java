package io.tandem.server.wallboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * An HTML page from the class path with {@code {{name}}} placeholders, each filled with an
 * HTML-escaped value: all the templating the wallboard and the agent app need, without a template
 * engine.
 */
public final class HtmlTemplate {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z]+)}}");

  private final String resource;
  private final String html;

  private HtmlTemplate(String resource, String html) {
    this.resource = resource;
    this.html = html;
  }

  /** Reads the template at {@code resource} (a class-path location such as {@code templates/x}). */
  public static HtmlTemplate load(String resource) {
    try (InputStream in = HtmlTemplate.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no template " + resource + " on the class path");
      }
      return new HtmlTemplate(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read template " + resource, e);
    }
  }

  /**
   * The page with every placeholder replaced by its value, HTML-escaped.
   *
   * @throws IllegalArgumentException if a placeholder has no value
   */
  public String render(Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(html);
    StringBuilder page = new StringBuilder(html.length() + 256);
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      if (value == null) {
        throw new IllegalArgumentException(
            "no value for {{" + matcher.group(1) + "}} in " + resource);
      }
      matcher.appendReplacement(page, Matcher.quoteReplacement(HtmlUtils.htmlEscape(value)));
    }
    matcher.appendTail(page);
    return page.toString();
  }
}
