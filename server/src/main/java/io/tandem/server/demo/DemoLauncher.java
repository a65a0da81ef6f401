package io.tandem.server.demo;

import io.tandem.core.tenant.TenantId;
import io.tandem.core.time.MailboxScheduler;
import io.tandem.server.tenant.RunningTenant;
import io.tandem.server.tenant.TenantDirectory;
import io.tandem.server.tenant.TenantRegistry;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Starts the demo traffic when the application is ready, which is after every tenant was recovered
 * from the event log (so a recovered demo tenant is reconciled, not configured twice), and stops it
 * when the application shuts down. The demo tenant is entered in the {@link TenantDirectory} (named
 * as the demo file says) unless it is there already, so that the API serves it.
 *
 * <p>The demo's timers wait on the tenants' shared timer thread, which only hands each action to
 * the demo tenant's mailbox.
 */
final class DemoLauncher implements ApplicationListener<ApplicationReadyEvent>, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DemoLauncher.class);

  private final DemoDefinition demo;
  private final TenantDirectory directory;
  private final TenantRegistry tenants;
  private final TenantId tenant;
  private final Clock clock;
  private final ScheduledExecutorService timers;
  private final double arrivalRateFactor;
  private volatile @Nullable DemoTraffic traffic;
  private @Nullable ExtendDialer teams;
  private double teamsShare;
  private @Nullable ExtendDialer connect;
  private double connectShare;
  private @Nullable ExtendDialer unify;
  private double unifyShare;

  DemoLauncher(
      DemoDefinition demo,
      TenantDirectory directory,
      TenantRegistry tenants,
      TenantId tenant,
      Clock clock,
      ScheduledExecutorService timers,
      double arrivalRateFactor) {
    this.demo = demo;
    this.directory = directory;
    this.tenants = tenants;
    this.tenant = tenant;
    this.clock = clock;
    this.timers = timers;
    this.arrivalRateFactor = arrivalRateFactor;
  }

  /** Sends {@code share} of the callers through Teams (the emulator and the Extend bot). */
  void throughTeams(ExtendDialer dialer, double share) {
    this.teams = dialer;
    this.teamsShare = share;
  }

  /** Sends {@code share} of the callers through the carrier trunk to Connect (Tandem's SIP). */
  void throughConnect(ExtendDialer dialer, double share) {
    this.connect = dialer;
    this.connectShare = share;
  }

  /** Sends {@code share} of the callers to the resource account linked to ACS (Unify). */
  void throughUnify(ExtendDialer dialer, double share) {
    this.unify = dialer;
    this.unifyShare = share;
  }

  @Override
  public synchronized void onApplicationEvent(ApplicationReadyEvent event) {
    if (traffic != null) {
      return;
    }
    if (!directory.exists(tenant)) {
      directory.save(tenant, demo.tenant().name());
    }
    RunningTenant running = tenants.tenant(tenant);
    DemoTraffic started =
        new DemoTraffic(
            demo,
            running::tell,
            clock,
            new MailboxScheduler(clock, timers, Runnable::run),
            arrivalRateFactor);
    ExtendDialer dialer = teams;
    if (dialer != null) {
      started.throughTeams(dialer, teamsShare);
    }
    ExtendDialer sip = connect;
    if (sip != null) {
      started.throughConnect(sip, connectShare);
    }
    ExtendDialer acs = unify;
    if (acs != null) {
      started.throughUnify(acs, unifyShare);
    }
    traffic = started;
    try {
      DemoTraffic.Started report = started.start().get(1, TimeUnit.MINUTES);
      LOG.info(
          "Demo running on tenant {}: {} queue and {} agent configurations changed, {} agents"
              + " logged in, {} calls per hour",
          tenant,
          report.queuesConfigured(),
          report.agentsConfigured(),
          report.agentsLoggedIn(),
          Math.round(report.callsPerHour()));
    } catch (ExecutionException e) {
      started.stop();
      throw new IllegalStateException(
          "cannot start the demo on tenant " + tenant + ": " + e.getCause().getMessage(),
          e.getCause());
    } catch (TimeoutException e) {
      started.stop();
      throw new IllegalStateException("the demo on tenant " + tenant + " did not start", e);
    } catch (InterruptedException e) {
      started.stop();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the demo", e);
    }
  }

  /** Stops the traffic; calls in progress stay where they are. */
  @Override
  public void close() {
    DemoTraffic running = traffic;
    if (running != null) {
      running.stop();
      LOG.info("Demo on tenant {} stopped", tenant);
    }
  }
}
