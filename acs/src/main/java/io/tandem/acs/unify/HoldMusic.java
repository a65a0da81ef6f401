package io.tandem.acs.unify;

import io.tandem.acs.client.AcsException;
import io.tandem.acs.client.CallAutomationClient;
import io.tandem.acs.client.Play;
import io.tandem.acs.client.PlaySource;
import io.tandem.acs.events.CallEvent;
import io.tandem.acs.events.MediaOutcome;
import io.tandem.core.flow.Prompt;
import io.tandem.core.queue.Announcements;
import io.tandem.core.queue.QueuePlace;
import io.tandem.core.tenant.SerialLane;
import io.tandem.core.time.Timer;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What a queued caller hears over ACS: the queue's music on hold played in a loop ({@code
 * playOptions.loop}), and every announcement interval the caller's position and expected wait (as
 * the queue announces them), played over the music ({@code interruptCallMediaOperation}) before the
 * loop is queued again behind it. Confined to the call's lane.
 */
final class HoldMusic {

  static final String CONTEXT = "hold-";
  private static final System.Logger LOG = System.getLogger(HoldMusic.class.getName());

  private final CallerConnection call;
  private final CallAutomationClient acs;
  private final PromptSources prompts;
  private final SerialLane lane;
  private @Nullable Announcements announcements;
  private @Nullable Supplier<QueuePlace> position;
  private Timer nextAnnouncement = Timer.NONE;
  private int sequence;
  private boolean playing;

  HoldMusic(
      CallerConnection call, CallAutomationClient acs, PromptSources prompts, SerialLane lane) {
    this.call = call;
    this.acs = acs;
    this.prompts = prompts;
    this.lane = lane;
  }

  /** Starts the music (if not already playing); {@code where} tells the caller's place. */
  void start(Announcements queue, Supplier<QueuePlace> where) {
    announcements = queue;
    position = where;
    if (!playing) {
      playing = play(List.of(music()), true, true);
      scheduleAnnouncement();
    }
  }

  boolean playing() {
    return playing;
  }

  /** Stops the music and the announcements; cancels the media unless the call is gone. */
  void stop(boolean callGone) {
    boolean was = playing;
    playing = false;
    announcements = null;
    nextAnnouncement.cancel();
    if (was && !callGone) {
      try {
        acs.cancelAllMediaOperations(call.connectionId());
      } catch (AcsException | RuntimeException refused) {
        LOG.log(
            System.Logger.Level.DEBUG, "could not stop music on " + call.connectionId(), refused);
      }
    }
  }

  /** Handles a media event if it concerns the hold music. */
  boolean handled(CallEvent event) {
    String context = event.operationContext();
    if (context == null || !context.startsWith(CONTEXT)) {
      return false;
    }
    if (event instanceof CallEvent.PlayUpdate play
        && play.outcome() == MediaOutcome.FAILED
        && playing) {
      LOG.log(
          System.Logger.Level.WARNING,
          "hold music failed on {0}: {1}",
          call.connectionId(),
          play.base().result());
    }
    return true;
  }

  private void scheduleAnnouncement() {
    Announcements queue = announcements;
    if (queue == null
        || queue.interval() == null
        || !(queue.announcePosition() || queue.announceExpectedWait())) {
      return;
    }
    nextAnnouncement = lane.after(queue.interval(), this::announce);
  }

  private void announce() {
    Supplier<QueuePlace> where = position;
    if (!playing || where == null) {
      return;
    }
    QueuePlace place = where.get();
    List<URI> words =
        place.announces()
            ? prompts.announcement(place.position(), place.expectedWait())
            : List.of();
    if (!words.isEmpty() && play(words, false, true)) {
      play(List.of(music()), true, false);
    }
    scheduleAnnouncement();
  }

  private URI music() {
    Announcements queue = announcements;
    String musicOnHold = queue == null ? "prompt:music-on-hold" : queue.musicOnHold();
    return prompts.uriOf(new Prompt.File(musicOnHold), null);
  }

  private boolean play(List<URI> uris, boolean loop, boolean interrupt) {
    List<PlaySource> sources =
        uris.stream().limit(20).<PlaySource>map(uri -> new PlaySource.File(uri, null)).toList();
    try {
      acs.play(
          call.connectionId(), new Play(sources, null, loop, interrupt, CONTEXT + (++sequence)));
      return true;
    } catch (AcsException gone) {
      LOG.log(
          gone.status() == 404 ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING,
          "hold music refused on {0}: {1}",
          call.connectionId(),
          gone.getMessage());
      return false;
    } catch (RuntimeException failed) {
      LOG.log(System.Logger.Level.WARNING, "hold music refused on " + call.connectionId(), failed);
      return false;
    }
  }
}
