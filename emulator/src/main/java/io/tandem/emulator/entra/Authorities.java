package io.tandem.emulator.entra;

/**
 * The emulator's three signing authorities, each with its own key: Entra ID (access tokens for
 * Graph and ACS), Graph's calling service (Bearer tokens on notifications to bots), and ACS Call
 * Automation (Bearer tokens on callbacks and Event Grid deliveries).
 */
public record Authorities(SigningKey entra, SigningKey graphCallbacks, SigningKey acsCallbacks) {

  /** Issuer of the tokens on Graph's notifications to bots, as the comms samples expect. */
  public static final String GRAPH_CALLBACK_ISSUER = "https://graph.microsoft.com";

  /** Issuer of ACS callback tokens. */
  public static final String ACS_CALLBACK_ISSUER =
      "https://acscallautomation.communication.azure.com";

  public static Authorities generate() {
    return new Authorities(SigningKey.generate(), SigningKey.generate(), SigningKey.generate());
  }
}
