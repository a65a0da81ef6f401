package io.tandem.acs.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The ACS request signature, as the SDKs' {@code HmacAuthenticationPolicy} computes it
 * (MICROSOFT-CONTRACTS §3.5):
 *
 * <pre>
 * StringToSign = UPPER(method) + "\n" + rawPath[?rawQuery] + "\n" + x-ms-date + ";" + host + ";" + contentHash
 * contentHash  = Base64(SHA-256(body))            (of nothing for an empty body)
 * Signature    = Base64(HMAC-SHA256(accessKey, StringToSign))
 * Authorization: HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&amp;Signature=…
 * </pre>
 *
 * {@code host} is the URL's host without the port. Pure: no clock, no I/O.
 */
public final class HmacSigner {

  /** The {@code x-ms-date} format: RFC 1123 in GMT with a two-digit day. */
  public static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  /** The header list the SDKs sign, in their order. */
  public static final String SIGNED_HEADERS = "x-ms-date;host;x-ms-content-sha256";

  private final byte[] accessKey;

  /** A signer with the base64-decoded access key. */
  public HmacSigner(byte[] accessKey) {
    if (accessKey.length == 0) {
      throw new IllegalArgumentException("the ACS access key is empty");
    }
    this.accessKey = accessKey.clone();
  }

  /**
   * The headers that authorize {@code method uri} with {@code body} at {@code now}: {@code
   * x-ms-date}, {@code x-ms-content-sha256} and {@code Authorization}, in that order. ({@code host}
   * is signed but not returned: the HTTP client sends it from the URL.)
   */
  public Map<String, String> headers(String method, URI uri, byte[] body, Instant now) {
    String date = date(now);
    String hash = contentHash(body);
    String signature = signature(stringToSign(method, uri, date, hash));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-ms-date", date);
    headers.put("x-ms-content-sha256", hash);
    headers.put(
        "Authorization", "HMAC-SHA256 SignedHeaders=" + SIGNED_HEADERS + "&Signature=" + signature);
    return headers;
  }

  /** Base64 HMAC-SHA256 of {@code stringToSign} under this signer's key. */
  public String signature(String stringToSign) {
    return Base64.getEncoder()
        .encodeToString(hmacSha256(accessKey, stringToSign.getBytes(StandardCharsets.UTF_8)));
  }

  /** HMAC-SHA256 of {@code message} under {@code key}, with the JDK's provider. */
  static byte[] hmacSha256(byte[] key, byte[] message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message);
    } catch (GeneralSecurityException impossible) {
      throw new IllegalStateException("HmacSHA256 is unavailable", impossible);
    }
  }

  /** The string ACS expects to be signed for {@code method uri}. */
  public static String stringToSign(String method, URI uri, String date, String contentHash) {
    String pathAndQuery =
        (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    return method.toUpperCase(Locale.ROOT)
        + "\n"
        + pathAndQuery
        + "\n"
        + date
        + ";"
        + uri.getHost()
        + ";"
        + contentHash;
  }

  /** Base64 of the SHA-256 of {@code body}. */
  public static String contentHash(byte[] body) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (GeneralSecurityException impossible) {
      throw new IllegalStateException("SHA-256 is unavailable", impossible);
    }
  }

  /** {@code now} in the {@code x-ms-date} format. */
  public static String date(Instant now) {
    return DATE.format(now);
  }

  @Override
  public String toString() {
    return "HmacSigner[accessKey=(hidden)]";
  }
}
