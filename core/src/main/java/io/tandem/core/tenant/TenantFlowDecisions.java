package io.tandem.core.tenant;

import io.tandem.core.agent.AgentId;
import io.tandem.core.flow.FlowDecisions;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.queue.QueueAction;
import io.tandem.core.queue.QueueId;
import io.tandem.core.routing.Interaction;
import io.tandem.core.skill.SkillExpression;
import java.util.Map;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * Turns one flow run's decisions into commands on its interaction: attributes and requirements
 * become events, and the final decision queues, forwards, sends to voicemail or ends it.
 *
 * <p>An attribute {@value #PREFERRED_AGENT_ATTRIBUTE} (set by a CRM lookup, say) names the agent
 * the interaction should wait for first when it is queued.
 */
final class TenantFlowDecisions implements FlowDecisions {

  /** Attribute naming a preferred agent (e.g. the caller's account manager or last agent). */
  static final String PREFERRED_AGENT_ATTRIBUTE = "preferredAgent";

  private final Tenant tenant;
  private final VirtualAssistants assistants;
  private final InteractionId id;
  private @Nullable String callbackNumber;

  TenantFlowDecisions(Tenant tenant, VirtualAssistants assistants, InteractionId id) {
    this.tenant = tenant;
    this.assistants = assistants;
    this.id = id;
  }

  @Override
  public void attributesChanged(Map<String, String> changed) {
    tenant.setAttributes(id, changed);
  }

  @Override
  public void priorityChanged(int priority) {
    Interaction interaction = tenant.requireInteraction(id);
    tenant.setRequirements(id, priority, interaction.skills(), interaction.language());
  }

  @Override
  public void skillsChanged(SkillExpression skills) {
    Interaction interaction = tenant.requireInteraction(id);
    tenant.setRequirements(id, interaction.priority(), skills, interaction.language());
  }

  @Override
  public void languageChanged(String language) {
    Interaction interaction = tenant.requireInteraction(id);
    tenant.setRequirements(id, interaction.priority(), interaction.skills(), language);
  }

  @Override
  public void routeToQueue(String queue, OptionalInt priority) {
    assistants.finished(id);
    QueueId queueId = new QueueId(queue);
    if (priority.isPresent()) {
      priorityChanged(priority.getAsInt());
    }
    if (callbackNumber != null) {
      tenant.requestCallback(id, queueId, callbackNumber);
    } else {
      tenant.enqueue(id, queueId, preferredAgent());
    }
  }

  private @Nullable AgentId preferredAgent() {
    String name = tenant.requireInteraction(id).attributes().get(PREFERRED_AGENT_ATTRIBUTE);
    if (name == null || name.isBlank()) {
      return null;
    }
    try {
      AgentId agent = new AgentId(name);
      return tenant.state().agent(agent) != null ? agent : null;
    } catch (IllegalArgumentException notAnId) {
      return null;
    }
  }

  @Override
  public void transferToNumber(String e164) {
    assistants.finished(id);
    tenant.leaveVirtualAssistant(id, new QueueAction.ToNumber(e164));
  }

  @Override
  public void voicemail(String mailbox) {
    assistants.finished(id);
    tenant.leaveVirtualAssistant(id, new QueueAction.ToVoicemail(mailbox));
  }

  @Override
  public void callbackRequested(String number) {
    callbackNumber = number;
  }

  @Override
  public void hungUp(String reason) {
    assistants.finished(id);
    tenant.end(id, "flow:" + reason);
  }
}
