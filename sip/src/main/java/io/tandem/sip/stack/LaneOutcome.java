package io.tandem.sip.stack;

import java.util.function.Consumer;

/**
 * A client transaction's results handed to its {@link ResponseHandler} on the Call-ID's lane; a
 * response the transaction no longer wants goes to the endpoint's stray handling.
 */
final class LaneOutcome implements ClientTransaction.Outcome {

  private final String callId;
  private final ResponseHandler responses;
  private final SerialLanes lanes;
  private final Consumer<SipMessage> stray;

  LaneOutcome(
      String callId, ResponseHandler responses, SerialLanes lanes, Consumer<SipMessage> stray) {
    this.callId = callId;
    this.responses = responses;
    this.lanes = lanes;
    this.stray = stray;
  }

  @Override
  public void response(SipMessage response) {
    InboundResponse received = new InboundResponse(response);
    lanes.execute(callId, () -> responses.onResponse(received));
  }

  @Override
  public void timeout() {
    lanes.execute(callId, responses::onTimeout);
  }

  @Override
  public void stray(SipMessage response) {
    stray.accept(response);
  }
}
