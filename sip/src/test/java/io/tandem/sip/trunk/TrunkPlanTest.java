package io.tandem.sip.trunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.core.tenant.TenantId;
import io.tandem.core.time.VirtualTime;
import io.tandem.sip.stack.Transport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TrunkPlanTest {

  private static final TenantId ACME = new TenantId("acme");
  private static final TenantId GLOBEX = new TenantId("globex");

  private final VirtualTime clock = new VirtualTime(Instant.parse("2026-11-21T09:00:00Z"));

  private TrunkPlan plan(int callsPerSecond) {
    return new TrunkPlan(
        List.of(
            new InboundTrunk(
                "acme-carrier",
                ACME,
                List.of("192.0.2.10", "192.0.2.11"),
                List.of(Pattern.compile("\\+1425555010[0-9]")),
                callsPerSecond),
            new InboundTrunk(
                "globex-carrier",
                GLOBEX,
                List.of("192.0.2.10"),
                List.of(Pattern.compile("\\+4930123[0-9]{4}")),
                callsPerSecond)),
        List.of(),
        clock);
  }

  @Test
  void admitsByTheSourceAddressAndTheDialedNumber() {
    TrunkPlan plan = plan(10);

    assertThat(plan.admit("192.0.2.10", "+14255550101").trunk().tenant()).isEqualTo(ACME);
    assertThat(plan.admit("192.0.2.10", "+49301234567").trunk().tenant()).isEqualTo(GLOBEX);
    assertThat(plan.admit("192.0.2.11", "+14255550102").trunk().name()).isEqualTo("acme-carrier");
  }

  @Test
  void refusesUnknownPeersWith403AndNumbersNoTrunkOfTheirsServesWith404() {
    TrunkPlan plan = plan(10);

    assertThat(plan.admit("198.51.100.7", "+14255550101"))
        .isEqualTo(new Admission(null, 403, "Forbidden"));
    // A known peer dialing another carrier's number, or a number nobody serves.
    assertThat(plan.admit("192.0.2.11", "+49301234567").status()).isEqualTo(404);
    assertThat(plan.admit("192.0.2.10", "+15555550100").status()).isEqualTo(404);
  }

  @Test
  void limitsEachTrunksCallRateAndRefillsOverTime() {
    TrunkPlan plan = plan(3);

    for (int i = 0; i < 3; i++) {
      assertThat(plan.admit("192.0.2.10", "+14255550101").admitted()).isTrue();
    }
    assertThat(plan.admit("192.0.2.10", "+14255550101").status()).isEqualTo(503);
    // Another trunk of the same source has its own budget.
    assertThat(plan.admit("192.0.2.10", "+49301234567").admitted()).isTrue();

    clock.advance(Duration.ofMillis(340));
    assertThat(plan.admit("192.0.2.10", "+14255550101").admitted()).isTrue();
    assertThat(plan.admit("192.0.2.10", "+14255550101").status()).isEqualTo(503);
  }

  @Test
  void rejectsPlansThatCannotWork() {
    assertThatThrownBy(
            () -> new InboundTrunk("x", ACME, List.of(), List.of(Pattern.compile(".*")), 1))
        .hasMessageContaining("source");
    assertThatThrownBy(
            () ->
                new DirectRoutingTrunk(
                    ACME,
                    "192.0.2.1",
                    DirectRoutingTrunk.microsoftProxies(),
                    Transport.TLS,
                    "Tandem/1",
                    Duration.ofSeconds(10)))
        .hasMessageContaining("never an IP");
    DirectRoutingTrunk acme =
        new DirectRoutingTrunk(
            ACME,
            "sbc.acme.example",
            DirectRoutingTrunk.microsoftProxies(),
            Transport.TLS,
            "Tandem/1",
            Duration.ofSeconds(10));
    assertThatThrownBy(() -> new TrunkPlan(List.of(), List.of(acme, acme), clock))
        .hasMessageContaining("two Direct Routing trunks");
  }
}
