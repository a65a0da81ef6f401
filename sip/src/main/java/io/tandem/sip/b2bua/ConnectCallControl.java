package io.tandem.sip.b2bua;

import io.tandem.core.agent.AgentId;
import io.tandem.core.callcontrol.CallAction;
import io.tandem.core.callcontrol.CallActionRefused;
import io.tandem.core.callcontrol.CallControl;
import io.tandem.core.callcontrol.CallTarget;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.routing.Agent;
import io.tandem.core.tenant.TenantId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * The Connect channel's control of one tenant's calls: an action's target is first made a number
 * Direct Routing can dial (a phone number as it is; a Teams user by the Teams number of the agent
 * who is that user, {@link Tenants#teamsNumber}; a queue must exist), then the action is carried
 * out on the call's lane by its {@link AgentTalk}. Called from any thread.
 */
final class ConnectCallControl implements CallControl {

  private final ConnectContext context;
  private final TenantId tenant;

  ConnectCallControl(ConnectContext context, TenantId tenant) {
    this.context = context;
    this.tenant = tenant;
  }

  @Override
  public boolean carries(InteractionId interaction) {
    return live(interaction) != null;
  }

  @Override
  public CompletionStage<Void> request(InteractionId interaction, CallAction action) {
    CarrierCall call = live(interaction);
    if (call == null) {
      return CompletableFuture.failedFuture(
          new CallActionRefused(
              CallActionRefused.Reason.NOT_LIVE,
              "interaction " + interaction.value() + " is not a live Connect call"));
    }
    CallTarget target =
        switch (action) {
          case CallAction.Consult consult -> consult.target();
          case CallAction.Transfer transfer -> transfer.target();
          default -> null;
        };
    return numberOf(call, target).thenCompose(number -> onLane(call, action, number));
  }

  private @Nullable CarrierCall live(InteractionId interaction) {
    CarrierCall call = context.calls().call(interaction);
    if (call == null
        || !call.tenantId().equals(tenant)
        || call.state() == CarrierCallState.ENDED
        || call.state() == CarrierCallState.TRANSFERRED) {
      return null;
    }
    return call;
  }

  /** The number {@code target} is dialled at; null for none or a queue (which must exist). */
  private CompletableFuture<@Nullable String> numberOf(
      CarrierCall call, @Nullable CallTarget target) {
    return switch (target) {
      case null -> CompletableFuture.completedFuture(null);
      case CallTarget.PhoneNumber number -> CompletableFuture.completedFuture(number.e164());
      case CallTarget.Queue queue ->
          call.tenant()
              .ask(t -> t.state().queue(queue.queue()) != null)
              .thenApply(
                  known -> {
                    if (!known) {
                      throw new CallActionRefused(
                          CallActionRefused.Reason.NOT_NOW, "there is no queue " + queue.text());
                    }
                    return null;
                  });
      case CallTarget.TeamsUser user ->
          call.tenant()
              .ask(t -> agentWhoIs(t.state().agents(), user.objectId()))
              .thenCompose(agent -> teamsNumber(call, user, agent));
    };
  }

  private static Optional<AgentId> agentWhoIs(java.util.Collection<Agent> agents, String objectId) {
    return agents.stream()
        .filter(agent -> objectId.equalsIgnoreCase(agent.profile().teamsUserId()))
        .map(agent -> agent.profile().id())
        .findFirst();
  }

  /** The agent's Teams number, read on the call's lane (the tenants' port may block). */
  private CompletableFuture<@Nullable String> teamsNumber(
      CarrierCall call, CallTarget.TeamsUser user, Optional<AgentId> agent) {
    CompletableFuture<@Nullable String> number = new CompletableFuture<>();
    context
        .endpoint()
        .execute(
            call.lane(),
            () -> {
              Optional<String> known =
                  agent.flatMap(id -> context.tenants().teamsNumber(tenant, id));
              if (known.isPresent()) {
                number.complete(known.get());
              } else {
                number.completeExceptionally(
                    new CallActionRefused(
                        CallActionRefused.Reason.UNSUPPORTED,
                        "Teams user "
                            + user.objectId()
                            + " has no Teams phone number Tandem knows; the Connect channel"
                            + " reaches Teams users over Direct Routing by their number"));
              }
            });
    return number;
  }

  private CompletableFuture<Void> onLane(
      CarrierCall call, CallAction action, @Nullable String number) {
    CompletableFuture<Void> accepted = new CompletableFuture<>();
    context
        .endpoint()
        .execute(
            call.lane(),
            () -> {
              try {
                call.queueing().control(action, number);
                accepted.complete(null);
              } catch (RuntimeException refused) {
                accepted.completeExceptionally(refused);
              }
            });
    return accepted;
  }
}
