package io.tandem.graph.extend;

import io.tandem.core.interaction.Channel;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.tenant.NoDataLookups;
import io.tandem.core.tenant.SerialLane;
import io.tandem.graph.client.GraphException;
import java.util.List;
import java.util.Map;

/**
 * The start of a caller's call: answered on Graph, made an interaction in the tenant, and the entry
 * flow (virtual assistant) started once both have happened: Graph reported the call established and
 * the tenant has the interaction, in either order. Runs on the call's lane.
 */
final class CallerArrival {

  private static final System.Logger LOG = System.getLogger(CallerArrival.class.getName());

  private final CallerCall call;
  private final ExtendContext context;
  private final SerialLane lane;
  private final FlowPlayback flow;
  private boolean established;
  private boolean answerFailed;

  CallerArrival(CallerCall call, ExtendContext context, SerialLane lane, FlowPlayback flow) {
    this.call = call;
    this.context = context;
    this.lane = lane;
    this.flow = flow;
  }

  /**
   * Graph reported the call established: the first time after the answer, the call is kept alive
   * and the flow starts if the interaction is there; false when it was not that first time.
   */
  boolean established() {
    if (call.state() != CallerCallState.ANSWERED || established) {
      return false;
    }
    established = true;
    call.keepAlive();
    startFlowWhenReady();
    return true;
  }

  /** Answers the call (service-hosted media), then makes it an interaction in the tenant. */
  void answer() {
    try {
      context.graph().answer(call.callId(), context.settings().callbackUri(), List.of());
      call.move(CallerCallState.ANSWERED);
    } catch (GraphException | RuntimeException failed) {
      LOG.log(System.Logger.Level.WARNING, "could not answer call " + call.callId(), failed);
      answerFailed = true;
      call.move(CallerCallState.ENDED);
      context.registry().forget(call);
    }
    arrive();
  }

  private void arrive() {
    String from = call.callerNumber();
    String to = call.applicationInstanceId() != null ? call.applicationInstanceId() : "bot";
    Map<String, String> attributes =
        Map.of(
            ExtendCalls.CALL_ID_ATTRIBUTE,
            call.callId(),
            ExtendCalls.MODEL_ATTRIBUTE,
            ExtendCalls.EXTEND_MODEL);
    context
        .tenant()
        .ask(
            tenant -> {
              InteractionId id = tenant.arrive(null, Channel.VOICE, from, to, attributes);
              context.registry().bind(id, call);
              return id;
            })
        .whenComplete(
            (id, failed) -> {
              if (failed != null) {
                LOG.log(
                    System.Logger.Level.ERROR, "call " + call.callId() + " did not arrive", failed);
                lane.execute(call::hangUp);
              } else {
                lane.execute(() -> arrived(id));
              }
            });
  }

  private void arrived(InteractionId id) {
    call.bind(id);
    if (answerFailed) {
      call.tell(tenant -> tenant.fail(id, "answer-failed"));
      return;
    }
    if (call.state() == CallerCallState.ENDED) {
      call.tell(tenant -> tenant.customerHungUp(id));
      return;
    }
    startFlowWhenReady();
  }

  private void startFlowWhenReady() {
    InteractionId id = call.interaction();
    if (call.state() != CallerCallState.ANSWERED || !established || id == null) {
      return;
    }
    call.move(CallerCallState.IN_FLOW);
    try {
      context.graph().subscribeToTone(call.callId(), "tones");
    } catch (GraphException | RuntimeException failed) {
      LOG.log(
          System.Logger.Level.WARNING, "subscribeToTone refused on call " + call.callId(), failed);
    }
    GraphFlowMedia media = new GraphFlowMedia(lane, flow);
    context
        .tenant()
        .tell(
            tenant ->
                tenant.startVirtualAssistant(
                    id,
                    context.settings().entryFlow().apply(tenant),
                    media,
                    new NoDataLookups(id, context.tenant())))
        .whenComplete(
            (done, failed) -> {
              if (failed != null) {
                LOG.log(
                    System.Logger.Level.ERROR, "no entry flow for call " + call.callId(), failed);
                lane.execute(call::hangUp);
                call.tell(tenant -> tenant.fail(id, "entry-flow-failed"));
              }
            });
  }
}
