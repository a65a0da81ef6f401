package io.tandem.emulator.directrouting;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.time.ManualScheduler;
import io.tandem.emulator.world.EmulatedTenant;
import io.tandem.emulator.world.PstnGateway;
import io.tandem.emulator.world.VoiceRoute;
import io.tandem.emulator.world.World;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The order in which Teams tries SBCs: route priority, shuffled equals, demoted last. */
class GatewayOrderTest {

  final ManualScheduler clock = new ManualScheduler(Instant.parse("2026-11-21T09:00:00Z"));
  final SbcHealth health = new SbcHealth(clock);
  final World world = World.empty();
  final EmulatedTenant tenant =
      new EmulatedTenant(
          "t1",
          "T",
          List.of("t1.test", "sbc9.carrier.test"),
          List.of(),
          List.of(),
          List.of(),
          List.of(
              PstnGateway.of("a.t1.test", 5061),
              PstnGateway.of("b.t1.test", 5062),
              PstnGateway.of("c.t1.test", 5063),
              PstnGateway.of("d.t1.test", 5064)),
          List.of(
              new VoiceRoute("\\+1.*", List.of("a.t1.test", "b.t1.test", "c.t1.test")),
              new VoiceRoute("\\+1.*", List.of("d.t1.test", "unknown.t1.test")),
              new VoiceRoute("\\+49.*", List.of("sbc9.carrier.test"))));

  GatewayOrderTest() {
    world.putTenant(tenant);
    world.putTenant(
        new EmulatedTenant(
            "carrier",
            "Carrier",
            List.of("carrier.test"),
            List.of(),
            List.of(),
            List.of(),
            List.of(PstnGateway.of("carrier.test", 5068)),
            List.of()));
  }

  List<String> order(long seed, String number) {
    return new GatewayOrder(world, health, new Random(seed))
        .trunksFor(tenant, number).stream().map(OutboundTrunk::fqdn).toList();
  }

  @Test
  void equalPriority_shuffled_seedable_lowerPriorityRouteAfter_unknownFqdnSkipped() {
    assertThat(order(42, "+12065550100")).isEqualTo(order(42, "+12065550100"));
    Set<List<String>> seen = new HashSet<>();
    for (long seed = 0; seed < 40; seed++) {
      List<String> order = order(seed, "+12065550100");
      assertThat(order.subList(0, 3))
          .containsExactlyInAnyOrder("a.t1.test", "b.t1.test", "c.t1.test");
      assertThat(order).hasSize(4).endsWith("d.t1.test");
      seen.add(order);
    }
    assertThat(seen).as("shuffled: several orders over 40 seeds").hasSizeGreaterThan(2);
  }

  @Test
  void healthySbcsFirst_demotedLast_whateverTheirPriority() {
    health.optionsReceived("d.t1.test");
    health.optionsReceived("b.t1.test");
    List<String> order = order(1, "+12065550100");
    assertThat(order.subList(0, 2)).containsExactly("b.t1.test", "d.t1.test");
    clock.advance(Duration.ofMinutes(3).plusSeconds(1));
    assertThat(order(1, "+12065550100")).endsWith("d.t1.test");
  }

  @Test
  void derivedTrunk_takesTheCarrierGatewaysSettings_noMatchingRoute_empty() {
    List<OutboundTrunk> trunks =
        new GatewayOrder(world, health, new Random(1)).trunksFor(tenant, "+4930555000");
    assertThat(trunks)
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.fqdn()).isEqualTo("sbc9.carrier.test");
              assertThat(t.gateway().sipSignalingPort()).isEqualTo(5068);
            });
    assertThat(order(1, "+33155500000")).isEmpty();
  }

  @Test
  void failover_onConfiguredCodes_never603() {
    OutboundTrunk trunk = new OutboundTrunk("a.t1.test", PstnGateway.of("a.t1.test", 5061), true);
    assertThat(List.of(408, 503, 504)).allMatch(trunk::failsOverOn);
    assertThat(List.of(404, 480, 486, 487, 500, 603)).noneMatch(trunk::failsOverOn);
    OutboundTrunk withDecline =
        new OutboundTrunk(
            "a.t1.test",
            new PstnGateway("a.t1.test", 5061, true, null, false, false, 10, List.of(603, 486)),
            true);
    assertThat(withDecline.failsOverOn(486)).isTrue();
    assertThat(withDecline.failsOverOn(603)).as("603 is never failed over").isFalse();
  }
}
