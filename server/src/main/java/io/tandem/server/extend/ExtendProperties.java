package io.tandem.server.extend;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Extend model's settings ({@code tandem.microsoft.extend.*}), documented with their defaults
 * in server/README.md.
 *
 * @param enabled whether the bot takes Graph calls (needs {@code tandem.microsoft.enabled})
 * @param entryFlow the id of the tenant's flow every caller meets first
 * @param keepAliveInterval how often a held call is kept alive (Graph ends calls after 45 minutes
 *     without)
 * @param offerMode {@code hand-over} (the caller's call is handed over to the agent's own Teams
 *     call) or {@code stay-in-call} (the agent is invited into the caller's call and the bot stays
 *     in it, carrying out Tandem's call control)
 */
@ConfigurationProperties("tandem.microsoft.extend")
public record ExtendProperties(
    @org.springframework.boot.context.properties.bind.DefaultValue("true") boolean enabled,
    @org.springframework.boot.context.properties.bind.DefaultValue("entry") String entryFlow,
    @org.springframework.boot.context.properties.bind.DefaultValue("15m")
        Duration keepAliveInterval,
    @org.springframework.boot.context.properties.bind.DefaultValue("hand-over") String offerMode) {

  public ExtendProperties {
    io.tandem.graph.extend.OfferMode.parse(offerMode);
  }
}
