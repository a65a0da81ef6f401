package io.tandem.emulator.graph.calls;

import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Journal;
import io.tandem.emulator.pstn.CallerScript;
import io.tandem.emulator.pstn.PstnTerminator;
import io.tandem.emulator.world.EmulatedTenant;
import io.tandem.emulator.world.ResourceAccount;
import io.tandem.emulator.world.World;
import java.util.Map;
import java.util.Optional;

/**
 * The PSTN's way into Graph bots ({@code graph}): serves the phone numbers of resource accounts
 * that are not linked to ACS; a call to one reaches the bot app the account is linked to as an
 * incoming-call notification on the app's calling webhook.
 */
final class GraphPstnTerminator implements PstnTerminator {

  private final World world;
  private final Journal journal;
  private final CallControl control;

  GraphPstnTerminator(World world, Journal journal, CallControl control) {
    this.world = world;
    this.journal = journal;
    this.control = control;
  }

  @Override
  public String name() {
    return "graph";
  }

  @Override
  public boolean serves(String e164) {
    return world.resourceAccountByPhone(e164).filter(account -> !account.linkedToAcs()).isPresent();
  }

  @Override
  public Optional<String> dial(CallerScript script) {
    Optional<ResourceAccount> account =
        world.resourceAccountByPhone(script.to()).filter(a -> !a.linkedToAcs());
    Optional<EmulatedTenant> tenant = account.flatMap(a -> world.tenantOfResourceAccount(a.id()));
    if (account.isEmpty() || tenant.isEmpty()) {
      return refuse(script, "no resource account serves " + script.to());
    }
    if (world.app(tenant.get().id(), account.get().appId()).isEmpty()) {
      return refuse(
          script,
          "resource account "
              + account.get().id()
              + " is linked to app "
              + account.get().appId()
              + ", which is not registered in tenant "
              + tenant.get().id());
    }
    return Optional.of(control.incoming(script, tenant.get().id(), account.get()).id);
  }

  private Optional<String> refuse(CallerScript script, String why) {
    journal.event(Channel.GRAPH, "call.notPlaced", null, Map.of("to", script.to(), "reason", why));
    return Optional.empty();
  }
}
