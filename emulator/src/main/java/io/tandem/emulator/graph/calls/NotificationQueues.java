package io.tandem.emulator.graph.calls;

import io.tandem.emulator.entra.CallbackTokens;
import io.tandem.emulator.http.OutboundHttp;
import io.tandem.emulator.time.Scheduler;
import java.util.function.Supplier;

/** Makes each call's {@link NotificationQueue}, all sharing one HTTP client and token signer. */
final class NotificationQueues {

  private final OutboundHttp outbound;
  private final CallbackTokens tokens;
  private final Scheduler scheduler;
  private final Supplier<GraphCallsSettings> settings;

  NotificationQueues(
      OutboundHttp outbound,
      CallbackTokens tokens,
      Scheduler scheduler,
      Supplier<GraphCallsSettings> settings) {
    this.outbound = outbound;
    this.tokens = tokens;
    this.scheduler = scheduler;
    this.settings = settings;
  }

  NotificationQueue forCall(String callId) {
    return new NotificationQueue(callId, outbound, tokens, scheduler, settings);
  }
}
