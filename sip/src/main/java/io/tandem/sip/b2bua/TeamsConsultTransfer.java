package io.tandem.sip.b2bua;

import io.tandem.core.agent.AgentId;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.tenant.Tenant;
import io.tandem.core.tenant.TenantAccess;
import io.tandem.core.tenant.TenantId;
import io.tandem.sip.stack.InboundRequest;
import io.tandem.sip.stack.NameAddress;
import io.tandem.sip.stack.SipUri;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A consultative transfer a Teams user completed through Tandem ({@link ReplacingDialog} took over
 * a call the user placed, {@link TeamsPstnCall}) as the contact center sees it: when that user is
 * an agent on a contact-center call, Teams joined the agent's leg of that call to the outside party
 * and the agent left it, so the interaction records a completed transfer to the outside number and
 * the agent goes to wrap-up ({@link AgentTalk#joinedInTeams}), while Tandem's legs of the call stay
 * up (the caller's hang-up ends them). The agent is the busy one whose Teams identity is the
 * transferor in Referred-By ({@code x-m=8:orgid:<object id>}), else the one whose Teams number
 * placed the call. The agents are read on the tenant's writer; the rest runs on call lanes (the
 * tenants' port may block).
 */
final class TeamsConsultTransfer {

  private static final System.Logger LOG = System.getLogger(TeamsConsultTransfer.class.getName());
  private static final String TEAMS_USER_MRI = "8:orgid:";

  private TeamsConsultTransfer() {}

  /** An agent working on an interaction, as read on the tenant's writer. */
  private record BusyAgent(AgentId id, @Nullable String teamsUserId, InteractionId interaction) {}

  /**
   * The Teams user {@code userNumber} (the transferor in the Referred-By of {@code replacing}, the
   * INVITE with Replaces, if any) joined one of {@code tenant}'s calls with the call to {@code
   * target} they placed on {@code lane}.
   */
  static void completed(
      ConnectContext context,
      TenantId tenant,
      String lane,
      InboundRequest replacing,
      String userNumber,
      String target) {
    Optional<TenantAccess> access = context.tenants().access(tenant);
    if (access.isEmpty()) {
      return;
    }
    String transferor = transferor(replacing.header("Referred-By").orElse(null));
    access
        .get()
        .ask(TeamsConsultTransfer::busyAgents)
        .thenAccept(
            agents ->
                context
                    .endpoint()
                    .execute(
                        lane,
                        () ->
                            agent(context, tenant, agents, transferor, userNumber)
                                .ifPresent(agent -> handOver(context, tenant, agent, target))));
  }

  private static List<BusyAgent> busyAgents(Tenant tenant) {
    return tenant.state().agents().stream()
        .filter(agent -> agent.interaction() != null)
        .map(
            agent ->
                new BusyAgent(
                    agent.id(),
                    agent.profile().teamsUserId(),
                    java.util.Objects.requireNonNull(agent.interaction())))
        .toList();
  }

  private static Optional<BusyAgent> agent(
      ConnectContext context,
      TenantId tenant,
      List<BusyAgent> agents,
      @Nullable String transferor,
      String userNumber) {
    return agents.stream()
        .filter(agent -> transferor != null && transferor.equalsIgnoreCase(agent.teamsUserId()))
        .findFirst()
        .or(
            () ->
                agents.stream()
                    .filter(
                        agent ->
                            context
                                .tenants()
                                .teamsNumber(tenant, agent.id())
                                .filter(userNumber::equals)
                                .isPresent())
                    .findFirst());
  }

  private static void handOver(
      ConnectContext context, TenantId tenant, BusyAgent agent, String target) {
    CarrierCall call = context.calls().call(agent.interaction());
    if (call == null || !call.tenantId().equals(tenant)) {
      LOG.log(
          System.Logger.Level.DEBUG,
          "agent {0} joined calls in Teams, but interaction {1} is no live Connect call",
          agent.id().value(),
          agent.interaction().value());
      return;
    }
    context.endpoint().execute(call.lane(), () -> call.queueing().joinedInTeams(target));
  }

  /** The Teams object id of the transferor in {@code referredBy}'s {@code x-m}; null if none. */
  static @Nullable String transferor(@Nullable String referredBy) {
    if (referredBy == null) {
      return null;
    }
    try {
      String mri = SipUri.parse(NameAddress.parse(referredBy).uri()).parameter("x-m");
      return mri != null && mri.startsWith(TEAMS_USER_MRI)
          ? mri.substring(TEAMS_USER_MRI.length()).toLowerCase(Locale.ROOT)
          : null;
    } catch (IllegalArgumentException unreadable) {
      return null;
    }
  }
}
