package io.tandem.server.webhook;

import io.tandem.server.eventlog.EventCodec;
import io.tandem.server.eventlog.EventHistory;
import io.tandem.server.tenant.EventFeed;
import java.security.SecureRandom;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How webhooks are put together: the two stores on the migrated database, one HTTP sender, and the
 * dispatchers fed by the event log and the event feed, all tuned by {@link WebhookSettings}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookSettings.class)
class WebhookConfiguration {

  @Bean
  @DependsOnDatabaseInitialization
  Webhooks webhooks(DataSource dataSource) {
    return new Webhooks(dataSource);
  }

  @Bean
  @DependsOnDatabaseInitialization
  DeliveryLog deliveryLog(DataSource dataSource, WebhookSettings settings) {
    return new DeliveryLog(dataSource, settings.deliveryLogSize());
  }

  @Bean
  WebhookSender webhookSender(WebhookSettings settings, Clock clock) {
    return new WebhookSender(settings.connectTimeout(), settings.requestTimeout(), clock);
  }

  @Bean
  WebhookDispatchers webhookDispatchers(
      Webhooks webhooks,
      DeliveryLog deliveries,
      EventHistory history,
      EventCodec codec,
      EventFeed feed,
      WebhookSender sender,
      WebhookSettings settings) {
    Backoff backoff =
        new Backoff(settings.initialBackoff(), settings.maxBackoff(), new SecureRandom());
    return new WebhookDispatchers(
        webhooks,
        feed,
        new WebhookDispatcher.Parts(
            webhooks,
            deliveries,
            history,
            codec,
            sender,
            backoff,
            settings.maxAttempts(),
            settings.batchSize()));
  }
}
