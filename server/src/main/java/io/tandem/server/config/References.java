package io.tandem.server.config;

import io.tandem.core.agent.AgentId;
import io.tandem.core.flow.Flow;
import io.tandem.core.queue.EscalationStage;
import io.tandem.core.queue.QueueAction;
import io.tandem.core.queue.QueueConfig;
import java.util.List;

/**
 * Checks that what a queue or flow names exists in a {@link ConfigurationModel}: a queue's business
 * hours, the queues its actions send to, its members and the skills its stages ask for (in the
 * catalogue or held by an agent); a flow's queues, skills and business hours, with every other
 * problem {@code FlowValidator} finds.
 */
final class References {

  private References() {}

  static void checkQueue(QueueConfig queue, ConfigurationModel model, String path, Problems p) {
    if (queue.businessHours() != null && !model.businessHours.containsKey(queue.businessHours())) {
      p.add(
          Problems.at(path, "businessHours"),
          "names unknown business hours '" + queue.businessHours() + "'");
    }
    action(queue.overflowAction(), model, Problems.at(path, "overflowAction.queue"), p);
    action(queue.noAgentAction(), model, Problems.at(path, "noAgentAction.queue"), p);
    action(queue.closedAction(), model, Problems.at(path, "closedAction.queue"), p);
    List<AgentId> members = queue.members();
    for (int i = 0; i < members.size(); i++) {
      if (!model.agents.containsKey(members.get(i))) {
        p.add(
            Problems.at(path, "members[" + i + "]"),
            "names unknown agent '" + members.get(i) + "'");
      }
    }
    List<EscalationStage> stages = queue.stages();
    for (int i = 0; i < stages.size(); i++) {
      for (String skill : stages.get(i).skills().skillNames()) {
        if (!model.isKnownSkill(skill)) {
          p.add(
              Problems.at(path, "stages[" + i + "].skills"),
              "names unknown skill '"
                  + skill
                  + "': define it in the skill catalogue or give it to an agent");
        }
      }
    }
  }

  private static void action(
      @org.jspecify.annotations.Nullable QueueAction action,
      ConfigurationModel model,
      String field,
      Problems p) {
    if (action instanceof QueueAction.ToQueue to && !model.queues.containsKey(to.queue())) {
      p.add(field, "names unknown queue '" + to.queue() + "'");
    }
  }

  static void checkFlow(Flow flow, ConfigurationModel model, String path, Problems p) {
    FlowDocuments.validate(flow, model, path, p);
  }
}
