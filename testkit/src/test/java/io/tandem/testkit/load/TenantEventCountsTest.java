package io.tandem.testkit.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.tenant.Tenant;
import io.tandem.core.tenant.TenantId;
import io.tandem.core.time.VirtualTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TenantEventCountsTest {

  @Test
  void count_isPerSimpleTypeName_ofWhatTheTenantPublished() {
    VirtualTime time = new VirtualTime(Instant.parse("2026-11-23T09:00:00Z"));
    Tenant tenant = new Tenant(new TenantId("acme"), time, time);
    TenantEventCounts counts = new TenantEventCounts();
    tenant.addListener(counts);

    tenant.configureQueue(UnstaffedBilling.config());
    tenant.arrive(
        null, io.tandem.core.interaction.Channel.VOICE, "+4930100", "+4930999", java.util.Map.of());
    tenant.arrive(
        null, io.tandem.core.interaction.Channel.VOICE, "+4930101", "+4930999", java.util.Map.of());

    assertThat(counts.count("Arrived")).isEqualTo(2);
    assertThat(counts.count("Abandoned")).isZero();
    assertThat(tenant.state().queue(UnstaffedBilling.ID)).isNotNull();
  }
}
