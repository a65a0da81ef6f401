package io.tandem.graph.extend;

import io.tandem.core.flow.FlowMedia;
import io.tandem.core.flow.InputRequest;
import io.tandem.core.flow.Prompt;
import io.tandem.core.tenant.SerialLane;

/**
 * The flow interpreter's media port on a Graph call: called on the tenant's writer, it returns at
 * once and hands the work to the call's lane, where {@link FlowPlayback} makes the Graph requests.
 */
final class GraphFlowMedia implements FlowMedia {

  private final SerialLane lane;
  private final FlowPlayback playback;

  GraphFlowMedia(SerialLane lane, FlowPlayback playback) {
    this.lane = lane;
    this.playback = playback;
  }

  @Override
  public void play(Prompt prompt) {
    lane.execute(() -> playback.play(prompt));
  }

  @Override
  public void collect(InputRequest request) {
    lane.execute(() -> playback.collect(request));
  }

  @Override
  public void stop() {
    lane.execute(playback::stop);
  }
}
