package io.tandem.graph.extend;

import io.tandem.core.tenant.Tenant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * How the channel reaches its tenant: every command runs on the tenant's single writer (the
 * server's mailbox), never on the caller's thread.
 */
@FunctionalInterface
public interface TenantAccess {

  /** Runs {@code command} on the tenant's writer; completes with its result or failure. */
  <T> CompletableFuture<T> ask(Function<Tenant, T> command);

  /** Runs {@code command} on the tenant's writer; completes when it has run. */
  default CompletableFuture<Void> tell(java.util.function.Consumer<Tenant> command) {
    return ask(
        tenant -> {
          command.accept(tenant);
          return null;
        });
  }
}
