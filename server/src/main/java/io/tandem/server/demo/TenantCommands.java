package io.tandem.server.demo;

import io.tandem.core.tenant.Tenant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Where the demo sends its commands: the tenant's single writer. In the server that is {@link
 * io.tandem.server.tenant.RunningTenant#tell}; a test in virtual time runs them at once on its
 * thread, which is that tenant's writer.
 */
@FunctionalInterface
public interface TenantCommands {

  /**
   * Runs {@code command} on the tenant's writer; completes when it has run, or with its failure.
   */
  CompletableFuture<Void> tell(Consumer<Tenant> command);
}
