package io.tandem.emulator.directrouting;

import io.tandem.emulator.world.EmulatedTenant;
import io.tandem.emulator.world.PstnGateway;
import io.tandem.emulator.world.VoiceRoute;
import io.tandem.emulator.world.World;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The order in which Teams tries SBCs for a call to a number (MICROSOFT-CONTRACTS §1.2, §1.4): the
 * tenant's voice routes whose number pattern matches, in the order they are listed (their
 * priority); inside one route the gateways have equal priority and are shuffled (Fisher-Yates,
 * {@link Collections#shuffle}); then every healthy SBC comes before every demoted one (no OPTIONS
 * from it for three minutes), each group keeping that order. An FQDN that is neither the tenant's
 * gateway nor a derived trunk of a carrier gateway is skipped. The random source is seedable for
 * tests.
 */
final class GatewayOrder {

  private final World world;
  private final SbcHealth health;
  private final Random random;

  GatewayOrder(World world, SbcHealth health, Random random) {
    this.world = world;
    this.health = health;
    this.random = random;
  }

  /** The SBCs to try, in order; empty when no voice route matches {@code number}. */
  synchronized List<OutboundTrunk> trunksFor(EmulatedTenant tenant, String number) {
    Set<String> seen = new LinkedHashSet<>();
    List<OutboundTrunk> healthy = new ArrayList<>();
    List<OutboundTrunk> demoted = new ArrayList<>();
    for (VoiceRoute route : tenant.voiceRoutes()) {
      if (!route.matches(number)) {
        continue;
      }
      List<String> equalPriority = new ArrayList<>(route.gateways());
      Collections.shuffle(equalPriority, random);
      for (String fqdn : equalPriority) {
        String name = fqdn.toLowerCase(Locale.ROOT);
        Optional<PstnGateway> gateway = GatewayChecks.trunkFor(world, tenant, name);
        if (gateway.isEmpty() || !seen.add(name)) {
          continue;
        }
        boolean fresh = health.healthy(name);
        (fresh ? healthy : demoted).add(new OutboundTrunk(name, gateway.get(), fresh));
      }
    }
    List<OutboundTrunk> order = new ArrayList<>(healthy);
    order.addAll(demoted);
    return order;
  }
}
