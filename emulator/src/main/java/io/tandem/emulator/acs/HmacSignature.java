package io.tandem.emulator.acs;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The ACS request signature, as the SDKs' {@code HmacAuthenticationPolicy} computes it:
 *
 * <pre>
 * StringToSign = UPPER(method) + "\n" + pathAndQuery + "\n" + x-ms-date + ";" + host + ";" + contentHash
 * contentHash  = Base64(SHA-256(body))
 * Signature    = Base64(HMAC-SHA256(Base64Decode(accessKey), StringToSign))
 * Authorization: HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&amp;Signature=…
 * </pre>
 *
 * {@code host} is the endpoint's host name without the port.
 */
public final class HmacSignature {

  /** The {@code x-ms-date} format, RFC 1123 in GMT with two-digit days. */
  public static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  /** The only header list the SDKs sign, in their order. */
  public static final String SIGNED_HEADERS = "x-ms-date;host;x-ms-content-sha256";

  private HmacSignature() {}

  /** Base64 of the SHA-256 of {@code body} (of nothing when the body is empty). */
  public static String contentHash(byte[] body) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (GeneralSecurityException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  public static String stringToSign(
      String method, String pathAndQuery, String date, String host, String contentHash) {
    return method.toUpperCase(Locale.ROOT)
        + "\n"
        + pathAndQuery
        + "\n"
        + date
        + ";"
        + host
        + ";"
        + contentHash;
  }

  /** Base64 HMAC-SHA256 of {@code stringToSign} under the base64 {@code accessKey}. */
  public static String sign(String accessKey, String stringToSign) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(accessKey), "HmacSHA256"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** The {@code Authorization} header value carrying {@code signature}. */
  public static String authorization(String signature) {
    return "HMAC-SHA256 SignedHeaders=" + SIGNED_HEADERS + "&Signature=" + signature;
  }

  public static String date(Instant instant) {
    return DATE.format(instant);
  }

  /** Whether two signatures are equal, compared in constant time. */
  static boolean sameSignature(String expected, String actual) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
  }
}
