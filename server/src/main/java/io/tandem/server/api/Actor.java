package io.tandem.server.api;

import io.tandem.core.interaction.IllegalTransitionException;
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
   * Runs {@code command} on the tenant's single writer and returns its result. What the command
   * throws comes back as an {@link ApiException}: its own, or a core refusal translated — a state
   * machine refusing the move ({@link IllegalStateException}, {@link IllegalTransitionException})
   * is a 409, a value refusing its arguments ({@link IllegalArgumentException}) a 400.
   */
  public <T> T ask(Function<Tenant, T> command) {
    try {
      return tenant.ask(command).join();
    } catch (CompletionException e) {
      throw switch (e.getCause()) {
        case ApiException api -> api;
        case IllegalTransitionException refused -> ApiException.conflict(refused.getMessage());
        case IllegalStateException refused -> ApiException.conflict(refused.getMessage());
        case IllegalArgumentException invalid -> ApiException.invalid(null, invalid.getMessage());
        case RuntimeException other -> other;
        default -> e;
      };
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
