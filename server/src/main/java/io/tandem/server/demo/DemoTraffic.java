package io.tandem.server.demo;

import io.tandem.core.event.TenantEvent;
import io.tandem.core.time.Scheduler;
import java.time.Clock;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the demo against one tenant until stopped: brings the tenant's configuration to the demo's
 * ({@link DemoTenantSetup}), logs the agents in, and then plays the outside world in the time of
 * the injected clock and scheduler: callers arriving ({@link Arrivals}) and going through the entry
 * flow and the queues ({@link DemoCallers}), and agents answering, wrapping up and taking breaks
 * ({@link DemoAgents}).
 *
 * <p>Threading: {@link #start} and {@link #stop} may be called from any thread. Every command goes
 * through {@link TenantCommands} to the tenant's writer, and everything the demo keeps is touched
 * only there: its event listener runs on the writer and only schedules reactions, and its timers
 * hand their actions to the writer. In the server the clock is real; tests use {@link
 * io.tandem.core.time.VirtualTime}.
 */
public final class DemoTraffic {

  private static final Logger LOG = LoggerFactory.getLogger(DemoTraffic.class);

  /**
   * What starting did.
   *
   * @param queuesConfigured queue configuration events emitted (0 when the tenant had them)
   * @param agentsConfigured agents added or updated (0 when the tenant had them)
   * @param agentsLoggedIn agents logged in
   * @param callsPerHour mean arrivals per hour over all queues
   */
  public record Started(
      int queuesConfigured, int agentsConfigured, int agentsLoggedIn, double callsPerHour) {}

  private final DemoDefinition demo;
  private final TenantCommands commands;
  private final DemoTimers timers;
  private final DemoCallers callers;
  private final DemoAgents agents;
  private final Arrivals arrivals;
  private final AtomicBoolean started = new AtomicBoolean();

  /**
   * @param arrivalRateFactor multiplies every queue's arrival rate (1 as the file says, 0 for no
   *     callers)
   */
  public DemoTraffic(
      DemoDefinition demo,
      TenantCommands commands,
      Clock clock,
      Scheduler scheduler,
      double arrivalRateFactor) {
    if (!(arrivalRateFactor >= 0) || Double.isInfinite(arrivalRateFactor)) {
      throw new IllegalArgumentException(
          "the arrival rate factor must be a number >= 0, got " + arrivalRateFactor);
    }
    this.demo = demo;
    this.commands = commands;
    this.timers = new DemoTimers(clock, scheduler, commands);
    SplittableRandom seeds = new SplittableRandom(demo.tenant().seed());
    this.callers = new DemoCallers(demo, timers, seeds.split());
    this.agents = new DemoAgents(demo, timers, seeds.split());
    this.arrivals =
        new Arrivals(
            demo.tenant().queues(), arrivalRateFactor, timers, seeds.split(), callers::call);
  }

  /**
   * Configures the tenant where it differs from the demo, logs the agents in and starts the
   * traffic; completes once that has run on the tenant's writer.
   *
   * @throws IllegalStateException on a second call
   */
  /**
   * Sends {@code share} (0-1) of the callers through Teams instead: scripted PSTN callers of the
   * emulator who dial the Extend bot's resource account. Call before {@link #start}.
   */
  void throughTeams(ExtendDialer dialer, double share) {
    if (share < 0 || share > 1) {
      throw new IllegalArgumentException("the share of callers through Teams is 0-1: " + share);
    }
    callers.throughTeams(dialer, share);
  }

  /**
   * Sends {@code share} (0-1) of the callers through the emulator's carrier trunk to Tandem's SIP
   * port (the Connect model). Call before {@link #start}.
   */
  void throughConnect(ExtendDialer dialer, double share) {
    if (share < 0 || share > 1) {
      throw new IllegalArgumentException("the share of callers through Connect is 0-1: " + share);
    }
    callers.throughConnect(dialer, share);
  }

  /** Sends {@code share} (0-1) of the callers to the Unify line (ACS Call Automation). */
  void throughUnify(ExtendDialer dialer, double share) {
    if (share < 0 || share > 1) {
      throw new IllegalArgumentException("the share of callers through Unify is 0-1: " + share);
    }
    callers.throughUnify(dialer, share);
  }

  public CompletableFuture<Started> start() {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("the demo traffic was started already");
    }
    AtomicReference<Started> result = new AtomicReference<>();
    return commands
        .tell(
            tenant -> {
              DemoTenantSetup.Changes changes = DemoTenantSetup.apply(tenant, demo);
              io.tandem.core.flow.Flow entry = EntryFlow.of(demo.entryMenu());
              if (!entry.equals(tenant.state().catalog().flow(EntryFlow.ID))) {
                tenant.defineFlow(entry); // so that channels outside the demo (Extend) find it
              }
              callers.useFlow(tenant.flow(EntryFlow.ID));
              tenant.addListener(this::on);
              int loggedIn = agents.start(tenant);
              arrivals.start();
              result.set(
                  new Started(
                      changes.queuesConfigured(),
                      changes.agentsConfigured(),
                      loggedIn,
                      arrivals.perHour()));
            })
        .thenApply(done -> result.get());
  }

  /**
   * Stops the traffic: no more arrivals or reactions. Calls in progress stay as they are (a restart
   * ends them as lost).
   */
  public void stop() {
    timers.stop();
  }

  /** Demo timers waiting (for tests). */
  int pendingTimers() {
    return timers.pendingCount();
  }

  /** The demo's listener on the tenant, on its writer: never throws into the tenant. */
  private void on(TenantEvent event) {
    if (!timers.running()) {
      return; // stopped: the tenant keeps the listener, which does nothing any more
    }
    try {
      callers.on(event);
      agents.on(event);
    } catch (RuntimeException e) {
      LOG.warn("Demo traffic could not react to {}", event, e);
    }
  }
}
