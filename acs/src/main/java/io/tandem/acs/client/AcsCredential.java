package io.tandem.acs.client;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * How requests to ACS are authorized: an HMAC-SHA256 signature with the resource's access key
 * (MICROSOFT-CONTRACTS §3.5), or an Entra bearer token for {@code
 * https://communication.azure.com//.default} with {@code x-ms-host} naming the resource.
 */
public sealed interface AcsCredential {

  /** Signs every request with the resource's (base64-decoded) access key. */
  record Hmac(byte[] accessKey) implements AcsCredential {
    public Hmac {
      if (accessKey.length == 0) {
        throw new IllegalArgumentException("the ACS access key is empty");
      }
      accessKey = accessKey.clone();
    }

    @Override
    public byte[] accessKey() {
      return accessKey.clone();
    }

    @Override
    public boolean equals(@Nullable Object other) {
      return other instanceof Hmac that && Arrays.equals(accessKey, that.accessKey);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(accessKey);
    }

    @Override
    public String toString() {
      return "Hmac[accessKey=(hidden)]";
    }
  }

  /**
   * Sends {@code Authorization: Bearer <token>} with the token {@code bearerToken} supplies on each
   * attempt (it caches and refreshes), and {@code x-ms-host: acsHost} (the resource's host name,
   * {@code <name>.communication.azure.com}).
   */
  record Entra(String acsHost, Supplier<String> bearerToken) implements AcsCredential {
    public Entra {
      Objects.requireNonNull(bearerToken, "bearerToken");
      if (acsHost.isBlank() || acsHost.contains("/")) {
        throw new IllegalArgumentException(
            "acsHost is a host name, e.g. name.communication.azure.com");
      }
    }

    @Override
    public String toString() {
      return "Entra[acsHost=" + acsHost + "]";
    }
  }
}
