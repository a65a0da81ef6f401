package io.tandem.emulator.graph.calls;

import io.tandem.emulator.entra.AccessTokens;
import io.tandem.emulator.entra.CallbackTokens;
import io.tandem.emulator.graph.GraphAuth;
import io.tandem.emulator.graph.GraphExchange;
import io.tandem.emulator.graph.GraphThrottle;
import io.tandem.emulator.http.HttpRoutes;
import io.tandem.emulator.http.OutboundHttp;
import io.tandem.emulator.journal.Journal;
import io.tandem.emulator.pstn.PstnNetwork;
import io.tandem.emulator.teams.TeamsClients;
import io.tandem.emulator.time.Scheduler;
import io.tandem.emulator.world.World;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * The emulated Graph calling service, wired in one place: calls and their notifications, media,
 * transfers, the {@code graph} PSTN terminator, the {@code /v1.0/communications/calls} routes and
 * the {@code /emulator/graph} control routes.
 */
public final class GraphCalls {

  private static final int ENDED_CALLS_KEPT = 1000;

  private final AtomicReference<GraphCallsSettings> settings =
      new AtomicReference<>(GraphCallsSettings.defaults());
  private final Calls calls = new Calls(ENDED_CALLS_KEPT);
  private final GraphCallRoutes routes;
  private final GraphControlRoutes control;
  private final Recordings recordings;
  private final Scheduler scheduler;

  /** Everything the calling service needs from the rest of the emulator. */
  public record Parts(
      World world,
      Journal journal,
      Scheduler scheduler,
      AccessTokens accessTokens,
      CallbackTokens callbackTokens,
      OutboundHttp outbound,
      @Nullable SSLContext trust,
      Duration outboundTimeout,
      TeamsClients teams,
      PstnNetwork pstn) {}

  public GraphCalls(Parts parts) {
    this.scheduler = parts.scheduler();
    this.recordings = new Recordings(scheduler);
    var current = (java.util.function.Supplier<GraphCallsSettings>) settings::get;
    BotNotifier notifier = new BotNotifier(parts.world(), parts.journal(), current);
    NotificationQueues queues =
        new NotificationQueues(parts.outbound(), parts.callbackTokens(), scheduler, current);
    MediaOperations media =
        new MediaOperations(
            notifier,
            new PromptLibrary(parts.trust(), parts.journal(), parts.outboundTimeout()),
            recordings,
            scheduler,
            parts.journal(),
            current);
    CallControl callControl =
        new CallControl(calls, notifier, queues, scheduler, parts.journal(), current, media);
    Callees callees =
        new Callees(parts.world(), parts.teams(), scheduler, parts.journal(), current);
    Transfers transfers =
        new Transfers(calls, callControl, notifier, callees, parts.journal(), current);
    OutgoingCalls outgoing =
        new OutgoingCalls(
            parts.world(), callControl, notifier, callees, scheduler, parts.journal(), current);
    this.routes =
        new GraphCallRoutes(
            new GraphAuth(parts.accessTokens(), parts.world()),
            new GraphThrottle(scheduler),
            current,
            calls,
            callControl,
            outgoing,
            media,
            transfers,
            new Participants(callControl, notifier, callees, parts.journal()));
    this.control = new GraphControlRoutes(calls, settings);
    parts.pstn().add(new GraphPstnTerminator(parts.world(), parts.journal(), callControl));
  }

  /** Registers the Graph calls routes and the control routes. */
  public void register(HttpRoutes httpRoutes) {
    GraphExchange exchange = new GraphExchange(scheduler);
    routes.register(httpRoutes, exchange);
    recordings.register(httpRoutes, exchange);
    control.register(httpRoutes);
  }

  public GraphCallsSettings settings() {
    return settings.get();
  }

  /** Replaces the settings; calls in progress use the new ones from their next step on. */
  public void changeSettings(GraphCallsSettings next) {
    settings.set(next);
  }
}
