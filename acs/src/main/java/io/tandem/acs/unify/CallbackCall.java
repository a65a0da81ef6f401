package io.tandem.acs.unify;

import io.tandem.acs.client.AcsException;
import io.tandem.acs.client.AddParticipant;
import io.tandem.acs.client.CallConnection;
import io.tandem.acs.client.CreateCall;
import io.tandem.acs.client.Identifier;
import io.tandem.acs.events.CallEvent;
import io.tandem.core.callback.CallbackOffer;
import io.tandem.core.interaction.DisconnectedBy;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.tenant.SerialLane;
import io.tandem.core.tenant.Tenant;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One callback offer placed as Teams Phone extensibility places an outbound call: CreateCall to the
 * agent's Teams extension identity as the resource account ({@code teamsAppSource}, the account's
 * number as caller id); when the agent answers, the customer's number is added with {@code
 * participants:add} and the same caller id. Their outcomes become the domain's callback outcomes;
 * once both talk, whoever leaves ends the call for the other. Runs on its own lane.
 */
final class CallbackCall {

  /** The operation-context prefix of the callbacks' requests. */
  static final String CONTEXT = "callback-";

  private static final System.Logger LOG = System.getLogger(CallbackCall.class.getName());

  private final UnifyContext context;
  private final CallbackLine line;
  private final CallbackOffer offer;
  private final Consumer<CallbackCall> forget;
  private final SerialLane lane;
  private final Identifier agent;
  private final Identifier customer;
  private final CallRoster roster = new CallRoster();
  private CallbackCallState state = CallbackCallState.DIALLING_AGENT;
  private @Nullable String connectionId;
  private boolean agentSeen;

  CallbackCall(
      UnifyContext context, CallbackLine line, CallbackOffer offer, Consumer<CallbackCall> forget) {
    this.context = context;
    this.line = line;
    this.offer = offer;
    this.forget = forget;
    this.lane = context.newLane();
    String teamsId = offer.agentTeamsUserId();
    this.agent =
        new Identifier.TeamsExtensionUser(
            teamsId == null ? "" : teamsId,
            context.settings().microsoftTenantId(),
            context.settings().acsResourceId());
    this.customer = new Identifier.Phone(offer.number());
  }

  CallbackOffer offer() {
    return offer;
  }

  InteractionId interaction() {
    return offer.interaction();
  }

  /** The operation context of the CreateCall, which its CallConnected and failure carry. */
  String operationContext() {
    return CONTEXT + offer.reservation().value();
  }

  @Nullable String connectionId() {
    return connectionId;
  }

  void start() {
    lane.execute(this::dialAgent);
  }

  void event(CallEvent event) {
    lane.execute(() -> onEvent(event));
  }

  void tenantEvent(InteractionEvent event) {
    lane.execute(() -> onTenant(event));
  }

  private void dialAgent() {
    if (offer.agentTeamsUserId() == null) {
      LOG.log(
          System.Logger.Level.WARNING, "agent {0} has no Teams identity to call", offer.agent());
      tell(tenant -> tenant.declineOffer(offer.reservation()));
      end();
      return;
    }
    try {
      CallConnection call =
          context
              .acs()
              .createCall(
                  new CreateCall(
                      List.of(agent),
                      context.settings().callbackUri(),
                      line.number(),
                      line.resourceAccountId(),
                      operationContext()));
      connectionId = call.callConnectionId();
      if (state == CallbackCallState.ENDED) {
        terminate();
      }
    } catch (AcsException | RuntimeException refused) {
      LOG.log(System.Logger.Level.WARNING, "could not call agent " + offer.agent(), refused);
      tell(tenant -> tenant.declineOffer(offer.reservation()));
      end();
    }
  }

  private void onEvent(CallEvent event) {
    if (state == CallbackCallState.ENDED) {
      return;
    }
    if (connectionId == null) {
      connectionId = event.callConnectionId();
    }
    switch (event) {
      case CallEvent.CallConnected connected when state == CallbackCallState.DIALLING_AGENT ->
          agentAnswered();
      case CallEvent.ConnectionFailed failed when state == CallbackCallState.DIALLING_AGENT -> {
        int code = failed.base().result().code();
        if (code == 603 || code == 486) {
          tell(tenant -> tenant.declineOffer(offer.reservation()));
        }
        end();
      }
      case CallEvent.AddParticipantSucceeded added when isCustomer(event) -> customerAnswered();
      case CallEvent.AddParticipantFailed failed when isCustomer(event) ->
          notReached(reason(failed.base().result().code()));
      case CallEvent.ParticipantsUpdated update -> {
        if (roster.apply(update)) {
          rosterChanged();
        }
      }
      case CallEvent.CallDisconnected disconnected -> disconnected();
      default -> {
        // Nothing else changes a callback's call.
      }
    }
  }

  private void agentAnswered() {
    boolean dialling =
        context
            .tenant()
            .ask(
                tenant -> {
                  tenant.callbacks().agentAnswered(offer.reservation());
                  return true;
                })
            .exceptionally(refused -> false)
            .join();
    if (!dialling) {
      terminate();
      return;
    }
    move(CallbackCallState.DIALLING_CUSTOMER);
    try {
      context
          .acs()
          .addParticipant(
              requireConnection(),
              new AddParticipant(
                  customer,
                  line.customerRingTimeout(),
                  line.number(),
                  null,
                  null,
                  operationContext() + "-customer"));
    } catch (AcsException | RuntimeException refused) {
      LOG.log(System.Logger.Level.WARNING, "could not call the customer back", refused);
      notReached("failed");
    }
  }

  private void customerAnswered() {
    if (state != CallbackCallState.DIALLING_CUSTOMER) {
      return;
    }
    move(CallbackCallState.TALKING);
    tell(tenant -> tenant.callbacks().customerAnswered(interaction()));
  }

  private void notReached(String reason) {
    if (state != CallbackCallState.DIALLING_CUSTOMER) {
      return;
    }
    tell(tenant -> tenant.callbacks().customerNotReached(interaction(), reason));
    terminate();
  }

  private void rosterChanged() {
    boolean agentIn = roster.contains(agent.rawId());
    agentSeen |= agentIn;
    if (state == CallbackCallState.DIALLING_CUSTOMER && agentSeen && !agentIn) {
      notReached("agent-hung-up");
    } else if (state == CallbackCallState.TALKING && !roster.contains(customer.rawId())) {
      tell(tenant -> tenant.customerHungUp(interaction()));
      terminate();
    } else if (state == CallbackCallState.TALKING && !agentIn) {
      tell(tenant -> tenant.agentHungUp(interaction()));
      terminate();
    }
  }

  private void disconnected() {
    switch (state) {
      case DIALLING_CUSTOMER ->
          tell(tenant -> tenant.callbacks().customerNotReached(interaction(), "agent-hung-up"));
      case TALKING -> tell(tenant -> tenant.callEnded(interaction(), DisconnectedBy.UNKNOWN));
      default -> {
        // The agent never answered: the domain's deadline decides (RONA).
      }
    }
    end();
  }

  private void onTenant(InteractionEvent event) {
    if (state == CallbackCallState.ENDED) {
      return;
    }
    switch (event) {
      case InteractionEvent.OfferTimedOut e when mine(e.reservation()) -> terminate();
      case InteractionEvent.OfferWithdrawn e when mine(e.reservation()) -> terminate();
      case InteractionEvent.OfferDeclined e when mine(e.reservation()) -> terminate();
      case InteractionEvent.Disconnected e -> terminate();
      case InteractionEvent.Ended e -> terminate();
      case InteractionEvent.Failed e -> terminate();
      default -> {
        // Nothing to do on the wire.
      }
    }
  }

  private boolean mine(io.tandem.core.interaction.ReservationId reservation) {
    return state == CallbackCallState.DIALLING_AGENT && reservation.equals(offer.reservation());
  }

  private boolean isCustomer(CallEvent event) {
    return (operationContext() + "-customer").equals(event.operationContext());
  }

  private static String reason(int code) {
    return switch (code) {
      case 486 -> "busy";
      case 408 -> "no-answer";
      case 603 -> "declined";
      default -> "failed-" + code;
    };
  }

  /** Ends the call for everyone in it (the agent's Teams stops ringing). */
  private void terminate() {
    boolean open = state != CallbackCallState.ENDED;
    if (open) {
      move(CallbackCallState.ENDED);
    }
    String id = connectionId;
    if (id != null) {
      try {
        context.acs().terminate(id);
      } catch (AcsException | RuntimeException refused) {
        LOG.log(System.Logger.Level.DEBUG, "terminate refused on " + id, refused);
      }
    }
    if (open) {
      forget.accept(this); // only once ACS has been told: an ended call no longer rings anyone
    }
  }

  private void end() {
    if (state != CallbackCallState.ENDED) {
      move(CallbackCallState.ENDED);
      forget.accept(this);
    }
  }

  private void move(CallbackCallState next) {
    if (!state.canMoveTo(next)) {
      throw new IllegalStateException(operationContext() + ": " + state + " → " + next);
    }
    state = next;
  }

  private String requireConnection() {
    String id = connectionId;
    if (id == null) {
      throw new IllegalStateException("the call to the agent has no connection yet");
    }
    return id;
  }

  private void tell(Consumer<Tenant> command) {
    context.tell(command, "callback " + operationContext());
  }
}
