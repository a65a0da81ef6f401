package io.tandem.graph.extend;

import io.tandem.core.flow.Prompt;
import io.tandem.core.queue.Announcements;
import io.tandem.core.queue.QueuePlace;
import io.tandem.graph.calls.CommsOperation;
import io.tandem.graph.calls.GraphCallsApi;
import io.tandem.graph.client.GraphException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What a queued caller hears over Graph: the queue's music on hold, played again each time it ends
 * (Graph v1.0 prompts do not loop), and, once the announcement interval has passed, the caller's
 * position before the music starts again. Stopping cancels the media at once. Confined to the
 * call's lane.
 */
final class HoldLoop {

  private static final System.Logger LOG = System.getLogger(HoldLoop.class.getName());
  private static final String CONTEXT = "hold-";

  private final String callId;
  private final GraphCallsApi graph;
  private final PromptLocator prompts;
  private final Clock clock;
  private @Nullable Announcements announcements;
  private @Nullable Supplier<QueuePlace> position;
  private @Nullable String playing;
  private Instant lastAnnounced = Instant.MIN;
  private int sequence;

  HoldLoop(String callId, GraphCallsApi graph, PromptLocator prompts, Clock clock) {
    this.callId = callId;
    this.graph = graph;
    this.prompts = prompts;
    this.clock = clock;
  }

  /**
   * Starts the music (if not already playing); {@code position} tells the caller's place when an
   * announcement is due (read on the lane).
   */
  void start(Announcements queueAnnouncements, Supplier<QueuePlace> currentPosition) {
    announcements = queueAnnouncements;
    position = currentPosition;
    if (playing == null) {
      lastAnnounced = clock.instant();
      play(List.of(music()));
    }
  }

  boolean playing() {
    return announcements != null;
  }

  /** Stops the music; the caller hears nothing more from the queue. */
  void stop() {
    boolean wasPlaying = playing != null;
    announcements = null;
    playing = null;
    if (wasPlaying) {
      try {
        graph.cancelMediaProcessing(callId, "hold-stop");
      } catch (GraphException | RuntimeException failed) {
        LOG.log(System.Logger.Level.DEBUG, "could not stop hold music on call " + callId, failed);
      }
    }
  }

  /** The call is gone: the music ends with it, nothing to cancel on Graph. */
  void forget() {
    announcements = null;
    playing = null;
  }

  /** Handles a completed operation if it is the hold music; plays on while still holding. */
  boolean completed(CommsOperation operation) {
    String context = operation.clientContext();
    if (context == null || !context.startsWith(CONTEXT)) {
      return false;
    }
    if (!context.equals(playing)) {
      return true;
    }
    playing = null;
    if (announcements == null) {
      return true;
    }
    if (operation.status() == CommsOperation.Status.FAILED) {
      LOG.log(System.Logger.Level.WARNING, "hold music failed on call {0}: {1}", callId, operation);
      announcements = null;
      return true;
    }
    List<URI> next = new ArrayList<>(announcementIfDue());
    next.add(music());
    play(next);
    return true;
  }

  private List<URI> announcementIfDue() {
    Announcements queue = announcements;
    Supplier<QueuePlace> where = position;
    if (queue == null
        || where == null
        || queue.interval() == null
        || !(queue.announcePosition() || queue.announceExpectedWait())
        || clock.instant().isBefore(lastAnnounced.plus(queue.interval()))) {
      return List.of();
    }
    lastAnnounced = clock.instant();
    QueuePlace place = where.get();
    return place.announces()
        ? prompts.announcement(place.position(), place.expectedWait())
        : List.of();
  }

  private URI music() {
    Announcements queue = announcements;
    String musicOnHold = queue == null ? "prompt:music-on-hold" : queue.musicOnHold();
    return prompts.uriOf(new Prompt.File(musicOnHold), null);
  }

  private void play(List<URI> uris) {
    String context = CONTEXT + (++sequence);
    try {
      graph.playPrompt(callId, uris.size() > 20 ? uris.subList(0, 20) : uris, context);
      playing = context;
    } catch (GraphException gone) {
      // 404/409: the caller hung up as the music came round again; the hang-up follows.
      LOG.log(
          gone.status() == 404 || gone.status() == 409
              ? System.Logger.Level.DEBUG
              : System.Logger.Level.WARNING,
          "hold music refused on call {0}: {1}",
          callId,
          gone.getMessage());
      announcements = null;
    } catch (RuntimeException failed) {
      LOG.log(System.Logger.Level.WARNING, "hold music refused on call " + callId, failed);
      announcements = null;
    }
  }
}
