package io.tandem.server.presence;

import io.tandem.graph.extend.OfferMode;
import io.tandem.server.microsoft.MicrosoftConnection;
import io.tandem.server.microsoft.MicrosoftProperties;
import io.tandem.server.tenant.EventFeed;
import io.tandem.server.tenant.TenantRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Teams presence for routing, whenever Tandem is connected to Microsoft; and, with {@code
 * tandem.microsoft.presence.publish}, the agents' calls published back to Teams.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("tandem.microsoft.enabled")
class PresenceConfiguration {

  @Bean
  TeamsPresenceRouting teamsPresenceRouting(
      MicrosoftConnection microsoft,
      MicrosoftProperties properties,
      TenantRegistry tenants,
      EventFeed events) {
    return new TeamsPresenceRouting(microsoft, properties.presence(), tenants, events);
  }

  @Bean
  @ConditionalOnBooleanProperty("tandem.microsoft.presence.publish")
  TeamsPresencePublishing teamsPresencePublishing(
      MicrosoftConnection microsoft,
      TenantRegistry tenants,
      EventFeed events,
      @Value("${tandem.microsoft.extend.offer-mode:hand-over}") String extendOfferMode) {
    return new TeamsPresencePublishing(
        microsoft, tenants, events, OfferMode.parse(extendOfferMode));
  }
}
