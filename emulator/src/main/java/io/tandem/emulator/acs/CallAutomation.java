package io.tandem.emulator.acs;

import io.tandem.emulator.entra.AccessTokens;
import io.tandem.emulator.entra.Authorities;
import io.tandem.emulator.entra.CallbackTokens;
import io.tandem.emulator.http.HttpRoutes;
import io.tandem.emulator.http.OutboundHttp;
import io.tandem.emulator.journal.Journal;
import io.tandem.emulator.pstn.PstnTerminator;
import io.tandem.emulator.teams.TeamsClients;
import io.tandem.emulator.time.Scheduler;
import io.tandem.emulator.world.World;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * Azure Communication Services Call Automation (api-version 2025-05-15) as the emulator plays it,
 * wired in one place: request authentication, Event Grid, the PSTN terminator for resource accounts
 * linked to ACS, call connections, participants, media, recording, streaming, and the Teams
 * extension access assignments.
 */
public final class CallAutomation {

  private final AcsRoutes routes;
  private final EventGridControlRoutes eventGridControl;
  private final AcsPstnTerminator terminator;
  private final IncomingCustomContexts customContextControl;
  private final Calls calls;
  private final PstnPhones phones;
  private final RecordingStartFaults recordingFaults;

  public CallAutomation(
      World world,
      AccessTokens accessTokens,
      Authorities authorities,
      Scheduler scheduler,
      Journal journal,
      OutboundHttp outbound,
      TeamsClients teams,
      @Nullable SSLContext trust,
      Duration timeout) {
    CallbackTokens tokens = CallbackTokens.acs(authorities, scheduler);
    this.calls = new Calls(journal);
    IncomingCallContexts contexts = new IncomingCallContexts();
    EventGrid eventGrid = new EventGrid(outbound, tokens, scheduler, journal);
    CallServices services =
        new CallServices(
            new Callbacks(outbound, tokens, scheduler),
            scheduler,
            new PlaySourceFetcher(trust, journal, timeout),
            journal);
    IncomingCustomContexts customContexts = new IncomingCustomContexts(journal);
    this.terminator =
        new AcsPstnTerminator(
            world, calls, contexts, eventGrid, scheduler, journal, customContexts);
    this.customContextControl = customContexts;
    this.phones = new PstnPhones(journal);
    this.recordingFaults = new RecordingStartFaults(journal);
    Ringer ringer = new Ringer(world, teams, scheduler, journal, terminator, phones);
    TeamsExtensionAssignments assignments = new TeamsExtensionAssignments();
    CallStreams streams = new CallStreams(trust, tokens, journal, timeout);
    this.routes =
        new AcsRoutes(
            new RequestAuthentication(world, accessTokens, scheduler),
            new Repeatability(scheduler),
            new IncomingCallRoutes(calls, contexts, services, ringer, streams),
            new CreateCallRoutes(world, calls, services, ringer, assignments, streams),
            new ConnectRoutes(calls, services, streams),
            new CallConnectionRoutes(calls, journal),
            new TransferRoutes(calls, ringer, assignments, journal),
            new ParticipantRoutes(calls, ringer, assignments, journal),
            new MediaRoutes(calls, streams, journal),
            new RecordingRoutes(
                calls, journal, new RecordingFiles(eventGrid, scheduler, journal), recordingFaults),
            assignments);
    this.eventGridControl = new EventGridControlRoutes(world, eventGrid);
  }

  /** Registers the {@code /calling}, {@code /access} and {@code /emulator/acs} routes. */
  public void register(HttpRoutes httpRoutes) {
    routes.register(httpRoutes);
    eventGridControl.register(httpRoutes);
    customContextControl.register(httpRoutes);
    phones.register(httpRoutes);
    recordingFaults.register(httpRoutes);
  }

  /** The external PSTN phones calls are placed to, as scripted. */
  public PstnPhones pstnPhones() {
    return phones;
  }

  /** Serves calls to the numbers of resource accounts linked to an ACS resource. */
  public PstnTerminator pstnTerminator() {
    return terminator;
  }

  /** How many call connections are live now. */
  public int liveCalls() {
    return calls.size();
  }
}
