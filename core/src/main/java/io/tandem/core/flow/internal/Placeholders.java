package io.tandem.core.flow.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ${attribute}} placeholders that prompt texts, attribute values and lookup URLs may
 * contain, replaced by the interaction's attribute values when a flow runs.
 *
 * <p>An attribute name is a letter followed by up to 63 letters, digits, {@code _}, {@code .} or
 * {@code -}, e.g. {@code caller} or {@code crm.customerName}. A placeholder whose attribute has no
 * value is replaced by nothing.
 */
public final class Placeholders {

  private static final String OPENING = "${";
  private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\$\\{(" + ATTRIBUTE_NAME.pattern() + ")}");
  private static final HexFormat UPPER_HEX = HexFormat.of().withUpperCase();

  private Placeholders() {}

  /** Whether {@code name} is a well-formed attribute name. */
  public static boolean isAttributeName(String name) {
    return ATTRIBUTE_NAME.matcher(name).matches();
  }

  /** The rule for attribute names, for messages. */
  public static String attributeNameRule() {
    return "a letter, then up to 63 letters, digits, '_', '.' or '-'";
  }

  /**
   * What is wrong with the placeholders in {@code template}: one message per placeholder that is
   * not closed or does not name an attribute well-formed; empty when all are fine.
   */
  public static List<String> problems(String template) {
    List<String> problems = new ArrayList<>();
    int opening = template.indexOf(OPENING);
    while (opening >= 0) {
      int closing = template.indexOf('}', opening);
      if (closing < 0) {
        problems.add("placeholder at position " + opening + " is not closed with '}'");
        break;
      }
      String name = template.substring(opening + OPENING.length(), closing);
      if (!isAttributeName(name)) {
        problems.add(
            "placeholder '${"
                + name
                + "}' at position "
                + opening
                + " does not name an attribute: expected "
                + attributeNameRule());
      }
      opening = template.indexOf(OPENING, closing);
    }
    return problems;
  }

  /** {@code template} with every placeholder replaced by its attribute's value as it is. */
  public static String resolve(String template, Map<String, String> attributes) {
    return replace(template, attributes, UnaryOperator.identity());
  }

  /**
   * {@code template} with every placeholder replaced by its attribute's value percent-encoded (RFC
   * 3986: all but unreserved characters), so that a value can neither leave its URL path segment or
   * query parameter nor add another.
   */
  public static String resolvePercentEncoded(String template, Map<String, String> attributes) {
    return replace(template, attributes, Placeholders::percentEncode);
  }

  private static String replace(
      String template, Map<String, String> attributes, UnaryOperator<String> encoding) {
    Matcher placeholder = PLACEHOLDER.matcher(template);
    StringBuilder resolved = new StringBuilder();
    while (placeholder.find()) {
      String value = attributes.getOrDefault(placeholder.group(1), "");
      placeholder.appendReplacement(resolved, Matcher.quoteReplacement(encoding.apply(value)));
    }
    placeholder.appendTail(resolved);
    return resolved.toString();
  }

  private static String percentEncode(String value) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if (isUnreserved(c)) {
        encoded.append(c);
      } else {
        encoded.append('%').append(UPPER_HEX.toHexDigits(b));
      }
    }
    return encoded.toString();
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }
}
