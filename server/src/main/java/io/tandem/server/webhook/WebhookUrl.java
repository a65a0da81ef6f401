package io.tandem.server.webhook;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a webhook POSTs events: an absolute {@code http} or {@code https} URL with a host, at most
 * 2000 characters, without user info (credentials would show in every listing) or fragment.
 */
public record WebhookUrl(URI uri) {

  public static final int MAX_LENGTH = 2000;

  public WebhookUrl {
    String scheme =
        uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("a webhook URL is http or https, not '" + uri + "'");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException("a webhook URL needs a host: '" + uri + "'");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("a webhook URL may not carry user info (credentials)");
    }
    if (uri.getRawFragment() != null) {
      throw new IllegalArgumentException("a webhook URL may not have a fragment");
    }
    if (uri.toString().length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "a webhook URL is at most " + MAX_LENGTH + " characters long");
    }
  }

  /** Parses {@code text}; {@link IllegalArgumentException} if it is not a valid webhook URL. */
  public static WebhookUrl parse(String text) {
    try {
      return new WebhookUrl(new URI(text.strip()));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + text + "' is not a URL: " + e.getReason(), e);
    }
  }

  @Override
  public String toString() {
    return uri.toString();
  }
}
