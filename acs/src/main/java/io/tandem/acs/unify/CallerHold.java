package io.tandem.acs.unify;

import io.tandem.acs.client.AcsException;
import io.tandem.acs.client.PlaySource;
import io.tandem.core.flow.Prompt;

/**
 * Whether the caller is on hold in their call (ACS {@code hold} with music on hold, {@code
 * unhold}); holding twice or taking off hold twice asks nothing of the service. Confined to the
 * call's lane.
 */
final class CallerHold {

  private final CallerConnection call;
  private final UnifyContext context;
  private boolean held;

  CallerHold(CallerConnection call, UnifyContext context) {
    this.call = call;
    this.context = context;
  }

  void hold() throws AcsException {
    if (held) {
      return;
    }
    PlaySource music =
        new PlaySource.File(
            context.prompts().uriOf(new Prompt.File("prompt:music-on-hold"), null), null);
    context
        .acs()
        .hold(call.connectionId(), call.callerIdentifier(), music, AgentTalk.CONTEXT + "hold");
    held = true;
  }

  void release() throws AcsException {
    if (!held) {
      return;
    }
    context
        .acs()
        .unhold(call.connectionId(), call.callerIdentifier(), AgentTalk.CONTEXT + "unhold");
    held = false;
  }
}
