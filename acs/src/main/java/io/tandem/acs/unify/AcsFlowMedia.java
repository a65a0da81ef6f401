package io.tandem.acs.unify;

import io.tandem.core.flow.FlowMedia;
import io.tandem.core.flow.InputRequest;
import io.tandem.core.flow.Prompt;
import io.tandem.core.tenant.SerialLane;

/**
 * The flow interpreter's media port on an ACS call: called on the tenant's writer, it returns at
 * once and hands the work to the call's lane, where {@link FlowPrompts} makes the requests.
 */
final class AcsFlowMedia implements FlowMedia {

  private final SerialLane lane;
  private final FlowPrompts prompts;

  AcsFlowMedia(SerialLane lane, FlowPrompts prompts) {
    this.lane = lane;
    this.prompts = prompts;
  }

  @Override
  public void play(Prompt prompt) {
    lane.execute(() -> prompts.play(prompt));
  }

  @Override
  public void collect(InputRequest request) {
    lane.execute(() -> prompts.collect(request));
  }

  @Override
  public void stop() {
    lane.execute(() -> prompts.stop(false));
  }
}
