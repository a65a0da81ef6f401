package io.tandem.server.api;

import io.tandem.core.tenant.Tenant;
import io.tandem.core.tenant.TenantId;
import io.tandem.server.tenant.RunningTenant;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Who makes a tenant-scoped API request, and for which tenant: every endpoint under {@code
 * /api/v1/tenants/{tenant}} takes one as a parameter ({@link ActorResolver} builds it). The
 * principal is a plain name today (header {@value ActorResolver#PRINCIPAL_HEADER}); sign-in will
 * fill it from the token instead, without changing any endpoint.
 *
 * @param principal the acting user or system
 * @param tenant the tenant the request is for; known to exist
 */
public record Actor(String principal, RunningTenant tenant) {

  public TenantId tenantId() {
    return tenant.id();
  }

  /**
   * Runs {@code command} on the tenant's single writer and returns its result, rethrowing what it
   * threw (an {@link ApiException}, or a core exception that {@link ProblemResponses} maps).
   */
  public <T> T ask(Function<Tenant, T> command) {
    try {
      return tenant.ask(command).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** Runs {@code command} on the tenant's single writer, rethrowing what it threw. */
  public void tell(Consumer<Tenant> command) {
    ask(
        tenant -> {
          command.accept(tenant);
          return null;
        });
  }
}
