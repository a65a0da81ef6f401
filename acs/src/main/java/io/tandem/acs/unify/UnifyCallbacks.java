package io.tandem.acs.unify;

import io.tandem.acs.events.CallEvent;
import io.tandem.core.callback.CallbackDialler;
import io.tandem.core.callback.CallbackOffer;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.ReservationId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Unify application as the dialler of its tenant's callbacks ({@link CallbackCall} per offer):
 * takes each callback offer, the mid-call callbacks of the calls it placed, and the tenant's events
 * about their interactions.
 *
 * <p>Thread-safe: {@link #dial} and {@link #on} run on the tenant's writer, {@link #take} on the
 * callback endpoint's threads; all of them only look up and hand over to a call's lane.
 */
final class UnifyCallbacks implements CallbackDialler {

  private final UnifyContext context;
  private final CallbackLine line;
  private final Map<ReservationId, CallbackCall> byReservation = new ConcurrentHashMap<>();
  private final Map<String, CallbackCall> byContext = new ConcurrentHashMap<>();

  UnifyCallbacks(UnifyContext context, CallbackLine line) {
    this.context = context;
    this.line = line;
  }

  @Override
  public void dial(CallbackOffer offer) {
    CallbackCall call = new CallbackCall(context, line, offer, this::forget);
    byReservation.put(offer.reservation(), call);
    byContext.put(call.operationContext(), call);
    call.start();
  }

  /** Hands {@code event} to the callback call it concerns; false if it concerns none. */
  boolean take(CallEvent event) {
    String operation = event.operationContext();
    for (CallbackCall call : byReservation.values()) {
      if (event.callConnectionId().equals(call.connectionId())) {
        call.event(event);
        return true;
      }
    }
    if (operation == null || !operation.startsWith(CallbackCall.CONTEXT)) {
      return false;
    }
    String createContext =
        operation.endsWith("-customer")
            ? operation.substring(0, operation.length() - "-customer".length())
            : operation;
    CallbackCall call = byContext.get(createContext);
    if (call != null) {
      call.event(event);
    }
    return true;
  }

  /** Hands an interaction event to the callback calls of that interaction. */
  void on(InteractionEvent event) {
    for (CallbackCall call : byReservation.values()) {
      if (call.interaction().equals(event.interaction())) {
        call.tenantEvent(event);
      }
    }
  }

  /** Callback calls not ended yet. */
  int activeCalls() {
    return byReservation.size();
  }

  private void forget(CallbackCall call) {
    byReservation.remove(call.offer().reservation(), call);
    byContext.remove(call.operationContext(), call);
  }
}
