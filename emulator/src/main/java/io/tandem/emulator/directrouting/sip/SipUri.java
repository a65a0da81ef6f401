package io.tandem.emulator.directrouting.sip;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A SIP URI as the checks read it, parsed from a bare URI or a name-addr header value ({@code "Bob"
 * <sip:+1425@sbc1.contoso.com:5061;user=phone;transport=tls>;tag=1}): scheme, user, host, port (-1
 * when absent), URI parameters and, for header values, the header parameters after the closing
 * bracket. Parameter names are lower-cased; a parameter without value maps to "".
 */
public record SipUri(
    String scheme,
    @Nullable String user,
    String host,
    int port,
    Map<String, String> parameters,
    Map<String, String> headerParameters) {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern URI =
      Pattern.compile("(?i)(sips?|tel):(?:([^@;>]*)@)?(\\[[^]]+]|[^:;>?]+)(?::(\\d+))?([^?>]*)");

  /**
   * Parses a bare URI such as a Request-URI, where every parameter after the host is a URI
   * parameter ({@code ;user=phone}); throws {@link IllegalArgumentException}.
   */
  public static SipUri parseUri(String uri) {
    return parse("<" + uri.trim() + ">");
  }

  /** Parses a URI or a header value holding one; throws {@link IllegalArgumentException}. */
  public static SipUri parse(String value) {
    String text = value.trim();
    String headerPart = "";
    int open = text.indexOf('<');
    if (open >= 0) {
      int close = text.indexOf('>', open);
      if (close < 0) {
        throw new IllegalArgumentException("unclosed '<' in " + value);
      }
      headerPart = text.substring(close + 1);
      text = text.substring(open + 1, close);
    } else {
      int semi = text.indexOf(';');
      int at = text.indexOf('@');
      // In an addr-spec without brackets, parameters after the host are header parameters.
      if (semi >= 0 && at >= 0 && semi > at) {
        headerPart = text.substring(semi);
        text = text.substring(0, semi);
      }
    }
    Matcher matcher = URI.matcher(text);
    if (!matcher.lookingAt()) {
      throw new IllegalArgumentException("not a SIP URI: " + value);
    }
    String port = matcher.group(4);
    return new SipUri(
        matcher.group(1).toLowerCase(Locale.ROOT),
        matcher.group(2),
        matcher.group(3).toLowerCase(Locale.ROOT),
        port == null ? -1 : Integer.parseInt(port),
        parameters(matcher.group(5)),
        parameters(headerPart));
  }

  /** Whether the host is an IPv4 or IPv6 literal rather than a name. */
  public boolean hostIsIpAddress() {
    return IPV4.matcher(host).matches() || host.startsWith("[") || host.contains(":");
  }

  public @Nullable String parameter(String name) {
    return parameters.get(name.toLowerCase(Locale.ROOT));
  }

  public @Nullable String headerParameter(String name) {
    return headerParameters.get(name.toLowerCase(Locale.ROOT));
  }

  private static Map<String, String> parameters(String text) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String part : text.split(";")) {
      String trimmed = part.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int equals = trimmed.indexOf('=');
      String name = (equals < 0 ? trimmed : trimmed.substring(0, equals)).toLowerCase(Locale.ROOT);
      String parameterValue = equals < 0 ? "" : trimmed.substring(equals + 1);
      parameters.putIfAbsent(name, parameterValue);
    }
    return parameters;
  }
}
