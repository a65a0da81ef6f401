package io.tandem.sip.b2bua;

import io.tandem.core.flow.FlowRun;
import io.tandem.core.interaction.Channel;
import io.tandem.core.interaction.InteractionId;
import io.tandem.sip.trunk.InboundTrunk;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A carrier call's way into the tenant: the interaction's arrival with the call's attributes
 * (model, Call-ID, trunk, the first-called number of a diverted call), then the tenant's entry flow
 * on the call's media, whose outcomes are reported back to the flow run. Runs on the call's lane;
 * the tenant's work on its writer.
 */
final class CallerArrival {

  private static final System.Logger LOG = System.getLogger(CallerArrival.class.getName());

  private final CarrierCall call;
  private final ConnectContext context;
  private final CallerInvite invite;
  private final InboundTrunk trunk;

  CallerArrival(CarrierCall call, ConnectContext context, CallerInvite invite, InboundTrunk trunk) {
    this.call = call;
    this.context = context;
    this.invite = invite;
    this.trunk = trunk;
  }

  /** The interaction arrives in the tenant; {@link CarrierCall#arrived} follows on the lane. */
  void arrive() {
    String dialed = invite.dialedNumber();
    Map<String, String> attributes = new HashMap<>();
    attributes.put(CarrierCall.MODEL_ATTRIBUTE, CarrierCall.CONNECT_MODEL);
    attributes.put(CarrierCall.CALL_ID_ATTRIBUTE, call.lane());
    attributes.put(CarrierCall.TRUNK_ATTRIBUTE, trunk.name());
    Diversion.originalCalled(
            invite.request().headerValues("History-Info"),
            invite.request().headerValues("Diversion"),
            dialed)
        .ifPresent(original -> attributes.put(CarrierCall.ORIGINAL_CALLED_ATTRIBUTE, original));
    long asked = context.arrivals().asked();
    call.tenant()
        .ask(
            t -> {
              InteractionId id =
                  t.arrive(null, Channel.VOICE, call.callerNumber(), dialed, attributes);
              context.calls().bind(id, call);
              return id;
            })
        .whenComplete(
            (id, failed) -> {
              context.arrivals().arrived(asked);
              context
                  .endpoint()
                  .execute(
                      call.lane(),
                      () -> {
                        if (failed != null) {
                          LOG.log(
                              System.Logger.Level.ERROR,
                              "call " + call.lane() + " did not arrive",
                              failed);
                          call.hangUp();
                        } else {
                          call.arrived(id);
                        }
                      });
            });
  }

  /** Starts the tenant's entry flow for {@code id} on the call's media. */
  void startEntryFlow(InteractionId id) {
    var flowMedia = call.media().flowMedia(outcome -> report(id, outcome));
    call.tenant()
        .tell(
            t ->
                t.startVirtualAssistant(
                    id,
                    context.settings().entryFlow().apply(t),
                    flowMedia,
                    context.tenants().lookups(call.tenantId(), id)))
        .whenComplete(
            (done, failed) -> {
              if (failed != null) {
                LOG.log(System.Logger.Level.ERROR, "no entry flow for call " + call.lane(), failed);
                context.endpoint().execute(call.lane(), call::hangUp);
                call.tell(t -> t.fail(id, "entry-flow-failed"));
              }
            });
  }

  /** Reports a media outcome to the call's flow run, on the tenant's writer. */
  private void report(InteractionId id, Consumer<FlowRun> outcome) {
    call.tell(
        t -> {
          FlowRun run = t.virtualAssistantOf(id);
          if (run != null) {
            outcome.accept(run);
          }
        });
  }
}
