package io.tandem.acs.client;

import java.net.URI;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * An ACS connection string, {@code
 * endpoint=https://<res>.communication.azure.com/;accesskey=<base64>}: keys are case-insensitive,
 * both are required, and any other key is refused (as the SDKs' {@code
 * CommunicationConnectionString} does). {@link #toString()} never shows the key.
 */
public record AcsConnectionString(URI endpoint, byte[] accessKey) {

  public AcsConnectionString {
    if (!endpoint.isAbsolute() || endpoint.getHost() == null) {
      throw new IllegalArgumentException("the ACS endpoint must be an absolute URL with a host");
    }
    if (accessKey.length == 0) {
      throw new IllegalArgumentException("the ACS access key is empty");
    }
    accessKey = accessKey.clone();
  }

  /** Parses {@code text}; the messages of the exceptions name keys, never values. */
  public static AcsConnectionString parse(String text) {
    String endpoint = null;
    String accessKey = null;
    for (String part : text.split(";")) {
      if (part.isBlank()) {
        continue;
      }
      int equals = part.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException(
            "an ACS connection string is key=value pairs separated by ';'");
      }
      String key = part.substring(0, equals).trim().toLowerCase(Locale.ROOT);
      String value = part.substring(equals + 1).trim();
      switch (key) {
        case "endpoint" -> endpoint = duplicateChecked(endpoint, key, value);
        case "accesskey" -> accessKey = duplicateChecked(accessKey, key, value);
        default ->
            throw new IllegalArgumentException(
                "unknown key in the ACS connection string: " + part.substring(0, equals).trim());
      }
    }
    if (endpoint == null || endpoint.isEmpty()) {
      throw new IllegalArgumentException("the ACS connection string has no endpoint");
    }
    if (accessKey == null || accessKey.isEmpty()) {
      throw new IllegalArgumentException("the ACS connection string has no accesskey");
    }
    URI uri;
    try {
      uri = URI.create(endpoint);
    } catch (IllegalArgumentException malformed) {
      throw new IllegalArgumentException("the ACS endpoint is not a URL");
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(accessKey);
    } catch (IllegalArgumentException notBase64) {
      throw new IllegalArgumentException("the ACS accesskey is not base64");
    }
    return new AcsConnectionString(uri, key);
  }

  private static String duplicateChecked(@Nullable String previous, String key, String value) {
    if (previous != null) {
      throw new IllegalArgumentException("the ACS connection string repeats " + key);
    }
    return value;
  }

  @Override
  public byte[] accessKey() {
    return accessKey.clone();
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof AcsConnectionString that
        && endpoint.equals(that.endpoint)
        && Arrays.equals(accessKey, that.accessKey);
  }

  @Override
  public int hashCode() {
    return endpoint.hashCode() * 31 + Arrays.hashCode(accessKey);
  }

  @Override
  public String toString() {
    return "AcsConnectionString[endpoint=" + endpoint + ", accessKey=(hidden)]";
  }
}
