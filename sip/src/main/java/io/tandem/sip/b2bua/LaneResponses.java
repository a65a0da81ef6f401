package io.tandem.sip.b2bua;

import io.tandem.sip.stack.InboundResponse;
import io.tandem.sip.stack.ResponseHandler;
import java.util.function.Consumer;

/**
 * The responses to one request Tandem sent (or its timeout), handed to the leg on the call's lane:
 * the leg compares the request's CSeq it was built with against its latest, so the responses of a
 * request it has moved on from (another proxy, a CANCELled INVITE) are told apart.
 *
 * @param lane the call's lane (the caller's Call-ID)
 * @param whenResponded runs on the lane with each response
 * @param whenTimedOut runs on the lane when no final response came (or the request was not sent)
 */
record LaneResponses(
    ConnectContext context,
    String lane,
    Consumer<InboundResponse> whenResponded,
    Runnable whenTimedOut)
    implements ResponseHandler {

  @Override
  public void onResponse(InboundResponse response) {
    context.endpoint().execute(lane, () -> whenResponded.accept(response));
  }

  @Override
  public void onTimeout() {
    context.endpoint().execute(lane, whenTimedOut);
  }
}
