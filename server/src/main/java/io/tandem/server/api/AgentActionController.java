package io.tandem.server.api;

import io.tandem.core.agent.AgentId;
import io.tandem.core.routing.Agent;
import io.tandem.core.tenant.Tenant;
import java.time.Instant;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What an agent does in the contact center: log in and out, become ready or not ready (with a
 * reason), complete wrap-up (with a code and notes). Each answers the agent's status afterwards; an
 * action the agent's state does not allow (wrap-up while not in wrap-up, log out during a call) is
 * a 409.
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/agents/{agent}")
class AgentActionController {

  private static final Logger LOG = LoggerFactory.getLogger(AgentActionController.class);

  /** An agent's contact-center status. */
  record AgentStatus(
      String agent,
      String state,
      @Nullable String notReadyReason,
      Instant stateSince,
      String presence,
      @Nullable String interaction) {
    static AgentStatus of(Agent agent) {
      return new AgentStatus(
          agent.id().value(),
          agent.state().name(),
          agent.notReadyReason(),
          agent.stateSince(),
          agent.presence().name(),
          agent.interaction() == null ? null : agent.interaction().value());
    }
  }

  /** The body of {@code login}: whether the agent starts ready (default true). */
  record LoginBody(@Nullable Boolean ready) {}

  /** The body of {@code not-ready}. */
  record NotReadyBody(@Nullable String reason) {}

  /** The body of {@code wrap-up}. */
  record WrapUpBody(@Nullable String code, @Nullable String notes) {}

  /** The longest not-ready reason, wrap-up code and notes. */
  static final int MAX_REASON = 100;

  static final int MAX_NOTES = 4000;

  @PostMapping("/login")
  AgentStatus logIn(
      Actor actor, @PathVariable String agent, @RequestBody(required = false) LoginBody body) {
    boolean ready = body == null || body.ready() == null || body.ready();
    return act(actor, agent, "logged in", (tenant, id) -> tenant.logIn(id, ready));
  }

  @PostMapping("/logout")
  AgentStatus logOut(Actor actor, @PathVariable String agent) {
    return act(actor, agent, "logged out", Tenant::logOut);
  }

  @PostMapping("/ready")
  AgentStatus ready(Actor actor, @PathVariable String agent) {
    return act(actor, agent, "made ready", Tenant::ready);
  }

  @PostMapping("/not-ready")
  AgentStatus notReady(Actor actor, @PathVariable String agent, @RequestBody NotReadyBody body) {
    String reason = text("reason", body.reason(), MAX_REASON, true);
    return act(actor, agent, "made not ready", (tenant, id) -> tenant.notReady(id, reason));
  }

  @PostMapping("/wrap-up")
  AgentStatus completeWrapUp(
      Actor actor, @PathVariable String agent, @RequestBody(required = false) WrapUpBody body) {
    String code = body == null ? null : text("code", body.code(), MAX_REASON, false);
    String notes = body == null ? null : text("notes", body.notes(), MAX_NOTES, false);
    return act(
        actor,
        agent,
        "completed wrap-up of",
        (tenant, id) -> tenant.completeWrapUp(id, code, notes));
  }

  private static AgentStatus act(
      Actor actor, String agent, String what, BiConsumer<Tenant, AgentId> action) {
    AgentId id = Ids.parse("agent", agent, AgentId::new);
    AgentStatus status =
        actor.ask(
            tenant -> {
              if (tenant.state().agent(id) == null) {
                throw ApiException.notFound("no agent '" + id + "' in tenant " + tenant.id());
              }
              action.accept(tenant, id);
              return AgentStatus.of(tenant.state().agent(id));
            });
    LOG.info("{} {} agent {} of tenant {}", actor.principal(), what, id, actor.tenantId());
    return status;
  }

  private static @Nullable String text(
      String field, @Nullable String value, int max, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        throw ApiException.invalid(field, "'" + field + "' is required");
      }
      return null;
    }
    if (value.length() > max) {
      throw ApiException.invalid(field, "'" + field + "' must be at most " + max + " characters");
    }
    return value.strip();
  }
}
