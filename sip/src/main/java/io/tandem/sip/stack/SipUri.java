package io.tandem.sip.stack;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@code sip:} or {@code sips:} URI: user, host, port and URI parameters (headers after {@code ?}
 * are dropped). Parsing is lenient about case and strict about structure.
 *
 * @param scheme {@code sip} or {@code sips}
 * @param user the user part, null without one
 * @param host a host name, IPv4 address or bracketed IPv6 reference
 * @param port the port, -1 when absent
 * @param parameters URI parameters in order (names lowercased; a flag parameter maps to "")
 */
public record SipUri(
    String scheme, @Nullable String user, String host, int port, Map<String, String> parameters) {

  public SipUri {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /** Parses {@code uri}; throws {@link IllegalArgumentException} when it is not a SIP URI. */
  public static SipUri parse(String uri) {
    String text = uri.trim();
    int colon = text.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("not a SIP URI: " + uri);
    }
    String scheme = text.substring(0, colon).toLowerCase(Locale.ROOT);
    if (!scheme.equals("sip") && !scheme.equals("sips")) {
      throw new IllegalArgumentException("not a SIP URI: " + uri);
    }
    String rest = text.substring(colon + 1);
    int question = rest.indexOf('?');
    if (question >= 0) {
      rest = rest.substring(0, question);
    }
    String user = null;
    int at = rest.lastIndexOf('@');
    if (at >= 0) {
      user = rest.substring(0, at);
      rest = rest.substring(at + 1);
    }
    String hostPort = rest;
    Map<String, String> parameters = new LinkedHashMap<>();
    int semicolon = rest.indexOf(';');
    if (semicolon >= 0) {
      hostPort = rest.substring(0, semicolon);
      parameters = parameters(rest.substring(semicolon + 1));
    }
    String host = hostPort;
    int port = -1;
    int portColon = hostPort.startsWith("[") ? hostPort.indexOf("]:") + 1 : hostPort.indexOf(':');
    if (portColon > 0) {
      host = hostPort.substring(0, portColon);
      try {
        port = Integer.parseInt(hostPort.substring(portColon + 1));
      } catch (NumberFormatException notAPort) {
        throw new IllegalArgumentException("bad port in " + uri);
      }
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException("bad port in " + uri);
      }
    }
    if (host.isEmpty() || host.contains(" ") || host.contains("<") || host.contains(">")) {
      throw new IllegalArgumentException("no host in " + uri);
    }
    return new SipUri(scheme, user, host, port, parameters);
  }

  /** Parses {@code text}, the parameters after the first {@code ;} (names lowercased). */
  public static Map<String, String> parameters(String text) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String parameter : text.split(";")) {
      if (parameter.isBlank()) {
        continue;
      }
      int equals = parameter.indexOf('=');
      if (equals < 0) {
        parameters.put(parameter.trim().toLowerCase(Locale.ROOT), "");
      } else {
        parameters.put(
            parameter.substring(0, equals).trim().toLowerCase(Locale.ROOT),
            parameter.substring(equals + 1).trim());
      }
    }
    return parameters;
  }

  /** A parameter's value; null when absent. */
  public @Nullable String parameter(String name) {
    return parameters.get(name.toLowerCase(Locale.ROOT));
  }

  /** The transport named by the URI, else UDP ({@code sips}: TLS). */
  public Transport transport() {
    String transport = parameter("transport");
    if (transport != null) {
      return Transport.parse(transport);
    }
    return scheme.equals("sips") ? Transport.TLS : Transport.UDP;
  }

  /** The port, or the transport's default. */
  public int portOrDefault() {
    return port > 0 ? port : transport().defaultPort();
  }

  /** Whether the host is a literal IPv4 or IPv6 address rather than a name. */
  public boolean hostIsAddress() {
    return host.startsWith("[") || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(scheme).append(':');
    if (user != null) {
      text.append(user).append('@');
    }
    text.append(host);
    if (port > 0) {
      text.append(':').append(port);
    }
    parameters.forEach(
        (name, value) -> {
          text.append(';').append(name);
          if (!value.isEmpty()) {
            text.append('=').append(value);
          }
        });
    return text.toString();
  }
}
