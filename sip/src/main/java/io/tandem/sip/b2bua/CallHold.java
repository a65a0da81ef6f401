package io.tandem.sip.b2bua;

import io.tandem.core.interaction.InteractionId;

/**
 * Hold and unhold by re-INVITE, from either side of a bridged call, as the domain's signals: the
 * interaction is held ({@code work().hold}) while the caller or the agent holds the other, and
 * resumed ({@code work().resume}) once neither does. Only a bridged call signals; a refusal (the
 * interaction moved on) is logged by {@link CarrierCall#tell}. Runs on the call's lane.
 */
final class CallHold {

  private final CarrierCall call;
  private boolean byCaller;
  private boolean byAgent;
  private boolean signalled;

  CallHold(CarrierCall call) {
    this.call = call;
  }

  /** The caller's latest offer holds ({@code true}) or does not. */
  void byCaller(boolean holds) {
    byCaller = holds;
    signal();
  }

  /** The agent's (Teams') latest offer holds ({@code true}) or does not. */
  void byAgent(boolean holds) {
    byAgent = holds;
    signal();
  }

  /** The agent leg is gone: its hold no longer counts. */
  void agentGone() {
    byAgent = false;
  }

  private void signal() {
    boolean held = byCaller || byAgent;
    InteractionId id = call.interaction();
    if (held == signalled || id == null || call.state() != CarrierCallState.BRIDGED) {
      return;
    }
    signalled = held;
    call.tell(
        t -> {
          if (held) {
            t.work().hold(id);
          } else {
            t.work().resume(id);
          }
        });
  }
}
