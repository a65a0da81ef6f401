package io.tandem.server.tenant;

import io.tandem.core.tenant.Tenant;
import io.tandem.core.tenant.TenantId;
import io.tandem.core.tenant.TenantMailbox;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A tenant in this server: its {@link Tenant}, reachable only through its mailbox, so that every
 * command runs on the tenant's single writer. Any thread may call {@link #ask} and {@link #tell}.
 */
public final class RunningTenant {

  private final Tenant tenant;
  private final TenantMailbox mailbox;
  private final EventLogAppender appender;
  private final TenantObserver observer;

  RunningTenant(
      Tenant tenant, TenantMailbox mailbox, EventLogAppender appender, TenantObserver observer) {
    this.tenant = tenant;
    this.mailbox = mailbox;
    this.appender = appender;
    this.observer = observer;
  }

  public TenantId id() {
    return tenant.id();
  }

  /**
   * Runs {@code command} on the tenant's writer and completes with its result, or exceptionally
   * with what it threw. After the event log failed, every command fails (see {@link
   * EventLogAppender}).
   */
  public <T> CompletableFuture<T> ask(Function<Tenant, T> command) {
    return mailbox.ask(
        () -> {
          if (appender.failed()) {
            throw appender.stopped();
          }
          long start = System.nanoTime();
          try {
            return command.apply(tenant);
          } finally {
            observer.commandTook(tenant.id(), System.nanoTime() - start);
          }
        });
  }

  /** Runs {@code command} on the tenant's writer; completes when it has run. */
  public CompletableFuture<Void> tell(Consumer<Tenant> command) {
    return ask(
        tenant -> {
          command.accept(tenant);
          return null;
        });
  }
}
