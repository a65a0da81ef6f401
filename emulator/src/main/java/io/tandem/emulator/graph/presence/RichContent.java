package io.tandem.emulator.graph.presence;

import io.tandem.emulator.http.Json;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.node.ObjectNode;

/**
 * Encrypts resource data for notifications with resource data
 * (change-notifications-with-resource-data.md): a fresh 256-bit key per notification, RSA-OAEP
 * (SHA-1) encrypted with the app's certificate as {@code dataKey}; the data AES-256-CBC encrypted
 * (PKCS#7 padding, IV = the key's first 16 bytes) as {@code data}; an HMAC-SHA256 of the encrypted
 * bytes with the same key as {@code dataSignature}; the certificate's SHA-1 thumbprint.
 */
final class RichContent {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String encoded;
  private final X509Certificate certificate;
  private final String certificateId;
  private final String thumbprint;

  private RichContent(String encoded, X509Certificate certificate, String certificateId)
      throws GeneralSecurityException {
    this.encoded = encoded;
    this.certificate = certificate;
    this.certificateId = certificateId;
    this.thumbprint =
        HexFormat.of()
            .withUpperCase()
            .formatHex(MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded()));
  }

  /** The certificate from {@code encryptionCertificate} (base64 DER, or PEM). */
  static RichContent of(String encodedCertificate, String certificateId)
      throws GeneralSecurityException {
    String base64 =
        encodedCertificate
            .replace("-----BEGIN CERTIFICATE-----", "")
            .replace("-----END CERTIFICATE-----", "")
            .replaceAll("\\s", "");
    byte[] der;
    try {
      der = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException notBase64) {
      throw new GeneralSecurityException("encryptionCertificate is not base64", notBase64);
    }
    X509Certificate certificate =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    if (!"RSA".equals(certificate.getPublicKey().getAlgorithm())) {
      throw new GeneralSecurityException("encryptionCertificate must hold an RSA public key");
    }
    return new RichContent(encodedCertificate, certificate, certificateId);
  }

  /** The certificate as the app sent it. */
  String encoded() {
    return encoded;
  }

  String certificateId() {
    return certificateId;
  }

  /** Graph's {@code encryptedContent} for {@code resourceData}. */
  ObjectNode encrypt(ObjectNode resourceData) {
    try {
      byte[] key = new byte[32];
      RANDOM.nextBytes(key);
      Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
      rsa.init(Cipher.ENCRYPT_MODE, certificate.getPublicKey());
      byte[] dataKey = rsa.doFinal(key);
      Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
      aes.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new IvParameterSpec(Arrays.copyOf(key, 16)));
      byte[] data = aes.doFinal(Json.text(resourceData).getBytes(StandardCharsets.UTF_8));
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] signature = hmac.doFinal(data);
      Base64.Encoder base64 = Base64.getEncoder();
      ObjectNode content = Json.object();
      content.put("data", base64.encodeToString(data));
      content.put("dataSignature", base64.encodeToString(signature));
      content.put("dataKey", base64.encodeToString(dataKey));
      content.put("encryptionCertificateId", certificateId);
      content.put("encryptionCertificateThumbprint", thumbprint);
      return content;
    } catch (GeneralSecurityException impossible) {
      throw new IllegalStateException("the JDK lacks RSA-OAEP, AES-CBC or HMAC-SHA256", impossible);
    }
  }
}
