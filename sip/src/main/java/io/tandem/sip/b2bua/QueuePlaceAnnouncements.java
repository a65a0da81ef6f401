package io.tandem.sip.b2bua;

import io.tandem.core.interaction.InteractionId;
import io.tandem.core.queue.QueueId;
import io.tandem.core.time.Timer;
import org.jspecify.annotations.Nullable;

/**
 * A queued caller's place and expected wait, asked of the domain and given to the music on hold
 * when the caller is queued and again every {@link ConnectSettings#announcementInterval()} while
 * they wait (or while their agent's phone rings). Runs on the call's lane.
 */
final class QueuePlaceAnnouncements {

  private final CarrierCall call;
  private final ConnectContext context;
  private @Nullable QueueId queue;
  private Timer next = Timer.NONE;

  QueuePlaceAnnouncements(CarrierCall call, ConnectContext context) {
    this.call = call;
    this.context = context;
  }

  /** The caller waits in {@code target} now: announces at once, then every interval. */
  void start(QueueId target) {
    queue = target;
    announce();
  }

  /** No more announcements (the caller is with an agent, leaving a message, or forwarded). */
  void stop() {
    next.cancel();
    queue = null;
  }

  private void announce() {
    next.cancel();
    InteractionId id = call.interaction();
    if (queue == null || id == null) {
      return;
    }
    call.tenant()
        .ask(t -> t.placeOf(id))
        .thenAccept(
            place ->
                context
                    .endpoint()
                    .execute(
                        call.lane(),
                        () -> {
                          if (queue != null
                              && (call.state() == CarrierCallState.QUEUED
                                  || call.state() == CarrierCallState.CONNECTING)) {
                            call.media().holdMusic(place.position(), place.expectedWait());
                          }
                        }));
    next = context.after(context.settings().announcementInterval(), call.lane(), this::announce);
  }
}
