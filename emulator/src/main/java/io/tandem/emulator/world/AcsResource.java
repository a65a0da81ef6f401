package io.tandem.emulator.world;

import org.jspecify.annotations.Nullable;

/**
 * An Azure Communication Services resource: its immutable resource id (the audience of callback
 * tokens), its name (the host label of {@code <name>.communication.azure.com}), the base64 access
 * key for HMAC request signing, and the Event Grid webhook subscribed to IncomingCall, if any.
 */
public record AcsResource(
    String id, String name, String accessKey, @Nullable String incomingCallWebhook) {

  public AcsResource {
    Identifiers.requireNonBlank(id, "ACS resource id");
    Identifiers.requireNonBlank(name, "ACS resource name");
    Identifiers.requireNonBlank(accessKey, "ACS accessKey");
    try {
      java.util.Base64.getDecoder().decode(accessKey);
    } catch (IllegalArgumentException notBase64) {
      throw new IllegalArgumentException("ACS accessKey must be base64: " + name, notBase64);
    }
  }

  /** The resource's endpoint host as the ACS SDKs see it. */
  public String host() {
    return name + ".communication.azure.com";
  }

  /** This resource with another IncomingCall webhook. */
  public AcsResource withIncomingCallWebhook(@Nullable String webhook) {
    return new AcsResource(id, name, accessKey, webhook);
  }
}
