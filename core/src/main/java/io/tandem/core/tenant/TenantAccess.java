package io.tandem.core.tenant;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How a channel adapter reaches a tenant: every command runs on the tenant's single writer (the
 * server's mailbox), never on a call's lane or a network thread.
 */
@FunctionalInterface
public interface TenantAccess {

  /** Runs {@code command} on the tenant's writer; completes with its result or failure. */
  <T> CompletableFuture<T> ask(Function<Tenant, T> command);

  /** Runs {@code command} on the tenant's writer; completes when it has run. */
  default CompletableFuture<Void> tell(Consumer<Tenant> command) {
    return ask(
        tenant -> {
          command.accept(tenant);
          return null;
        });
  }
}
