package io.tandem.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.core.agent.AgentProfile;
import io.tandem.core.interaction.Channel;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueId;
import io.tandem.core.skill.AgentSkills;
import io.tandem.core.tenant.TenantId;
import io.tandem.server.tenant.TenantRegistry;
import io.tandem.server.testing.Http;
import io.tandem.server.testing.RunningServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's own metrics, scraped from /actuator/prometheus as Prometheus would. */
class MetricsTest {

  @TempDir Path directory;

  @Test
  void prometheus_showsQueueDepthAgentsOffersCommandAndAppendTimes() {
    try (RunningServer server =
        RunningServer.start(directory, "--tandem.metrics.gauge-period=100ms")) {
      Http http = server.http();
      http.put("/api/v1/tenants/shop", "{\"name\": \"Shop\"}");
      server
          .bean(TenantRegistry.class)
          .tenant(new TenantId("shop"))
          .tell(
              t -> {
                t.configureQueue(QueueConfig.builder("billing").name("Billing").build());
                t.configureAgent(AgentProfile.voice("anna", AgentSkills.NONE));
                for (String call : new String[] {"c1", "c2"}) {
                  t.arrive(
                      new InteractionId(call), Channel.VOICE, "+4930111", "+4930999", Map.of());
                  t.enqueue(new InteractionId(call), new QueueId("billing"), null);
                }
              })
          .join();
      http.post("/api/v1/tenants/shop/agents/anna/login", "{}");

      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () -> {
                String metrics = http.get("/actuator/prometheus").body();
                assertThat(metrics)
                    .contains("tandem_queue_waiting{queue=\"billing\",tenant=\"shop\"} 2.0")
                    .contains("tandem_agents{state=\"RESERVED\",tenant=\"shop\"} 1.0")
                    .contains("tandem_routing_offers_total{tenant=\"shop\"} 1.0")
                    .contains("tandem_tenant_command_seconds_count{tenant=\"shop\"}")
                    .contains("tandem_eventlog_append_seconds_count{tenant=\"shop\"}")
                    .contains(
                        "tandem_queue_longest_wait_seconds{queue=\"billing\",tenant=\"shop\"}");
              });
    }
  }
}
