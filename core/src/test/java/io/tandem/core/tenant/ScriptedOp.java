package io.tandem.core.tenant;

import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentProfile;
import io.tandem.core.interaction.Channel;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.presence.Availability;
import io.tandem.core.queue.EscalationStage;
import io.tandem.core.queue.QueueAction;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueId;
import io.tandem.core.queue.RoutingStrategyKind;
import io.tandem.core.routing.Interaction;
import io.tandem.core.routing.Reservation;
import io.tandem.core.skill.AgentSkills;
import io.tandem.core.skill.SkillExpression;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One step of a generated contact-center day: a command a channel, an agent or the clock sends to a
 * {@link Tenant}. Steps name their targets by position ({@code call#2} is the third live
 * interaction by arrival, {@code offer#1} the second live reservation, {@code agent#4} the fifth
 * agent, all modulo how many there are), so every step stays meaningful however a sequence is
 * shrunk. {@link #run} returns what the step did with real ids, e.g. {@code accept r5 (i3 → a2)}.
 */
sealed interface ScriptedOp {

  /** The names of the {@link #standardQueues()}, by position. */
  List<String> QUEUES = standardQueues().stream().map(queue -> queue.id().value()).toList();

  /**
   * The queues of a generated day: every strategy, skill escalation, wrap-up, max wait with
   * overflow to another queue, max length, a no-agent action and preferred-agent windows.
   */
  static List<QueueConfig> standardQueues() {
    AgentId a1 = new AgentId("a1");
    AgentId a2 = new AgentId("a2");
    AgentId a3 = new AgentId("a3");
    return List.of(
        QueueConfig.builder("general")
            .wrapUp(Duration.ofSeconds(5))
            .maxLength(2)
            .overflowAction(new QueueAction.ToVoicemail("general"))
            .build(),
        QueueConfig.builder("billing")
            .strategy(RoutingStrategyKind.LEAST_OCCUPIED)
            .skills("billing >= 4")
            .escalateAfter(Duration.ofSeconds(30), "billing >= 2")
            .escalateAfter(Duration.ofSeconds(90), "any")
            .wrapUp(Duration.ofSeconds(10))
            .maxWait(Duration.ofSeconds(60))
            .overflowAction(new QueueAction.ToQueue(new QueueId("general")))
            .priority(10)
            .build(),
        QueueConfig.builder("sales")
            .strategy(RoutingStrategyKind.SIMULTANEOUS)
            .simultaneousOffers(2)
            .skills("sales >= 3")
            .escalateAfter(Duration.ofSeconds(20), "sales >= 1")
            .maxWait(Duration.ofSeconds(45))
            .preferredAgentTimeout(Duration.ofSeconds(30))
            .build(),
        QueueConfig.builder("support")
            .strategy(RoutingStrategyKind.SIMULTANEOUS)
            .simultaneousOffers(3)
            .skills("tech >= 1 or billing >= 1")
            .wrapUp(Duration.ofSeconds(3))
            .ringTimeout(Duration.ofSeconds(10))
            .allowedAvailabilities(
                Set.of(Availability.AVAILABLE, Availability.AVAILABLE_IDLE, Availability.BUSY))
            .build(),
        QueueConfig.builder("vip")
            .strategy(RoutingStrategyKind.SERIAL)
            .members(List.of(a3, a1, a2))
            .priority(50)
            .ringTimeout(Duration.ofSeconds(8))
            .preferredAgentTimeout(Duration.ofSeconds(20))
            .noAgentAction(new QueueAction.ToNumber("+4930123456"))
            .build(),
        QueueConfig.builder("tech")
            .strategy(RoutingStrategyKind.SKILLS_PROFICIENCY)
            .skills("tech >= 3")
            .escalateAfter(Duration.ofSeconds(40), "tech >= 1")
            .wrapUp(Duration.ofSeconds(15))
            .noAgentAction(new QueueAction.OfferCallback())
            .build(),
        QueueConfig.builder("retail")
            .strategy(RoutingStrategyKind.ROUND_ROBIN)
            .skills("sales >= 1 or billing >= 1")
            .ringTimeout(Duration.ofSeconds(20))
            .maxWait(Duration.ofSeconds(90))
            .overflowAction(new QueueAction.Disconnect("prompt:sorry"))
            .build());
  }

  /** What a step acts on. */
  interface Cast {
    Tenant tenant();

    /** The agent at {@code index} modulo the number of agents. */
    AgentId agent(int index);

    /**
     * The live interaction at {@code index} modulo their number, by arrival, among those with an
     * agent if {@code talking}; null if none.
     */
    @Nullable Interaction call(int index, boolean talking);

    /** The live reservation at {@code index} modulo their number, oldest first; null if none. */
    @Nullable Reservation offer(int index);

    /** Lets virtual time pass, firing what falls due. */
    void advance(Duration by);
  }

  /** Runs the step; a step the state does not allow throws and must change nothing. */
  String run(Cast cast);

  /** Whether the tenant may refuse the step (only the clock cannot be refused). */
  default boolean refusable() {
    return true;
  }

  private static QueueId queueId(int index) {
    return new QueueId(QUEUES.get(index));
  }

  /** {@code call#2}: the third live call; {@code talking#2}: the third with an agent. */
  private static String target(boolean talking, int call) {
    return (talking ? "talking#" : "call#") + call;
  }

  private static String nothing(String what) {
    return "(no " + what + ")";
  }

  /** How an arriving contact reaches its queue. */
  enum Entry {
    DIRECT,
    VIA_ASSISTANT,
    STAYS_IN_ASSISTANT
  }

  record Arrive(int queue, int preferred, Entry entry) implements ScriptedOp {
    @Override
    public String run(Cast cast) {
      Tenant tenant = cast.tenant();
      InteractionId id =
          tenant.arrive(null, Channel.VOICE, "+4930555" + queue, "+4930100", Map.of());
      if (entry != Entry.DIRECT) {
        tenant.startVirtualAssistant(id, "main-menu");
        tenant.setAttributes(id, Map.of("intent", QUEUES.get(queue)));
      }
      if (entry == Entry.STAYS_IN_ASSISTANT) {
        return id + " in the assistant";
      }
      if (tenant.state().queue(queueId(queue)) == null) {
        return id + " finds no queue " + QUEUES.get(queue);
      }
      AgentId agent = preferred < 0 ? null : cast.agent(preferred);
      tenant.enqueue(id, queueId(queue), agent);
      return id + " → " + QUEUES.get(queue) + (agent == null ? "" : " preferring " + agent);
    }

    @Override
    public String toString() {
      return "arrive"
          + (entry == Entry.DIRECT ? "" : " via assistant")
          + (entry == Entry.STAYS_IN_ASSISTANT ? " (stays)" : " → " + QUEUES.get(queue))
          + (preferred < 0 || entry == Entry.STAYS_IN_ASSISTANT
              ? ""
              : " prefer agent#" + preferred);
    }
  }

  /** How a flow lets a contact go. */
  enum Exit {
    TO_QUEUE,
    VOICEMAIL,
    FORWARD,
    HANG_UP
  }

  record LeaveAssistant(int call, Exit exit, int queue) implements ScriptedOp {
    @Override
    public String run(Cast cast) {
      Interaction interaction = cast.call(call, false);
      if (interaction == null) {
        return nothing("call");
      }
      QueueAction action =
          switch (exit) {
            case TO_QUEUE -> new QueueAction.ToQueue(queueId(queue));
            case VOICEMAIL -> new QueueAction.ToVoicemail("main");
            case FORWARD -> new QueueAction.ToNumber("+4930999999");
            case HANG_UP -> new QueueAction.Disconnect("prompt:bye");
          };
      String before = interaction.toString();
      cast.tenant().leaveVirtualAssistant(interaction.id(), action);
      return before + " leaves the assistant: " + action;
    }

    @Override
    public String toString() {
      return "leaveAssistant call#"
          + call
          + " "
          + exit
          + (exit == Exit.TO_QUEUE ? " " + QUEUES.get(queue) : "");
    }
  }

  record Accept(int offer) implements ScriptedOp {
    @Override
    public String run(Cast cast) {
      Reservation reservation = cast.offer(offer);
      if (reservation == null) {
        return nothing("offer");
      }
      cast.tenant().acceptOffer(reservation.id());
      return "accept " + describe(reservation);
    }

    @Override
    public String toString() {
      return "accept offer#" + offer;
    }
  }

  record Decline(int offer) implements ScriptedOp {
    @Override
    public String run(Cast cast) {
      Reservation reservation = cast.offer(offer);
      if (reservation == null) {
        return nothing("offer");
      }
      cast.tenant().declineOffer(reservation.id());
      return "decline " + describe(reservation);
    }

    @Override
    public String toString() {
      return "decline offer#" + offer;
    }
  }

  private static String describe(Reservation reservation) {
    return reservation.id() + " (" + reservation.interaction() + " → " + reservation.agent() + ")";
  }

  /** Commands on one live interaction. */
  enum CallCommand {
    CUSTOMER_HANGS_UP,
    AGENT_HANGS_UP,
    HOLD,
    RESUME,
    CONSULT,
    CONFERENCE,
    START_TRANSFER,
    TRANSFER_FAILED,
    TRANSFER_COMPLETED,
    FAIL,
    END
  }

  record OnCall(int call, boolean talking, CallCommand command) implements ScriptedOp {
    @Override
    public String run(Cast cast) {
      Interaction interaction = cast.call(call, talking);
      if (interaction == null) {
        return nothing("call");
      }
      String before = interaction.toString();
      Tenant tenant = cast.tenant();
      InteractionId id = interaction.id();
      switch (command) {
        case CUSTOMER_HANGS_UP -> tenant.customerHungUp(id);
        case AGENT_HANGS_UP -> tenant.agentHungUp(id);
        case HOLD -> tenant.work().hold(id);
        case RESUME -> tenant.work().resume(id);
        case CONSULT -> tenant.work().consult(id, "teams:expert");
        case CONFERENCE -> tenant.work().conference(id);
        case START_TRANSFER -> tenant.work().startTransfer(id, "+4930777777");
        case TRANSFER_FAILED -> tenant.work().transferFailed(id, "busy");
        case TRANSFER_COMPLETED -> tenant.work().transferCompleted(id);
        case FAIL -> tenant.fail(id, "media-lost");
        case END -> tenant.end(id, "cancelled");
      }
      return command + " " + before;
    }

    @Override
    public String toString() {
      return command.name().toLowerCase(java.util.Locale.ROOT) + " " + target(talking, call);
    }
  }

  record RequestCallback(int call, int queue) implements ScriptedOp {
    @Override
    public String run(Cast cast) {
      Interaction interaction = cast.call(call, false);
      if (interaction == null) {
        return nothing("call");
      }
      String before = interaction.toString();
      cast.tenant().requestCallback(interaction.id(), queueId(queue), "+4917012345");
      return "callback for " + before + " in " + QUEUES.get(queue);
    }

    @Override
    public String toString() {
      return "requestCallback call#" + call + " → " + QUEUES.get(queue);
    }
  }

  record TransferToQueue(int call, boolean talking, int queue) implements ScriptedOp {
    @Override
    public String run(Cast cast) {
      Interaction interaction = cast.call(call, talking);
      if (interaction == null) {
        return nothing("call");
      }
      String before = interaction + " of " + interaction.agent();
      cast.tenant().work().transferToQueue(interaction.id(), queueId(queue));
      return "transfer " + before + " to " + QUEUES.get(queue);
    }

    @Override
    public String toString() {
      return "transferToQueue " + target(talking, call) + " → " + QUEUES.get(queue);
    }
  }

  record Prioritize(int call, int priority) implements ScriptedOp {
    @Override
    public String run(Cast cast) {
      Interaction interaction = cast.call(call, false);
      if (interaction == null) {
        return nothing("call");
      }
      String before = interaction.toString();
      cast.tenant().setRequirements(interaction.id(), priority, SkillExpression.ANY, null);
      return "priority " + priority + " for " + before;
    }

    @Override
    public String toString() {
      return "prioritize call#" + call + " = " + priority;
    }
  }

  /** Commands of one agent. */
  enum AgentCommand {
    LOG_IN,
    LOG_IN_READY,
    LOG_OUT,
    READY,
    NOT_READY,
    COMPLETE_WRAP_UP
  }

  record ByAgent(int agent, AgentCommand command) implements ScriptedOp {
    @Override
    public String run(Cast cast) {
      AgentId id = cast.agent(agent);
      Tenant tenant = cast.tenant();
      String before = String.valueOf(tenant.state().agent(id));
      switch (command) {
        case LOG_IN -> tenant.logIn(id, false);
        case LOG_IN_READY -> tenant.logIn(id, true);
        case LOG_OUT -> tenant.logOut(id);
        case READY -> tenant.ready(id);
        case NOT_READY -> tenant.notReady(id, "break");
        case COMPLETE_WRAP_UP -> tenant.completeWrapUp(id, "solved", null);
      }
      return command + " " + before;
    }

    @Override
    public String toString() {
      return command.name().toLowerCase(java.util.Locale.ROOT) + " agent#" + agent;
    }
  }

  record Presence(int agent, Availability availability) implements ScriptedOp {
    @Override
    public String run(Cast cast) {
      AgentId id = cast.agent(agent);
      cast.tenant().presenceChanged(id, availability);
      return id + " is " + availability;
    }

    @Override
    public String toString() {
      return "presence agent#" + agent + " " + availability;
    }
  }

  record Reskill(int agent, int billing, int sales, int tech) implements ScriptedOp {
    @Override
    public String run(Cast cast) {
      AgentId id = cast.agent(agent);
      AgentProfile old = cast.tenant().state().agent(id).profile();
      cast.tenant()
          .configureAgent(
              new AgentProfile(id, old.name(), skills(billing, sales, tech), old.capacity(), null));
      return id + " reskilled";
    }

    @Override
    public String toString() {
      return "reskill agent#" + agent + " billing=" + billing + " sales=" + sales + " tech=" + tech;
    }
  }

  /** Skills with the given proficiencies; 0 leaves the skill out. */
  static AgentSkills skills(int billing, int sales, int tech) {
    Map<String, Integer> proficiencies = new java.util.HashMap<>();
    if (billing > 0) {
      proficiencies.put("billing", billing);
    }
    if (sales > 0) {
      proficiencies.put("sales", sales);
    }
    if (tech > 0) {
      proficiencies.put("tech", tech);
    }
    return AgentSkills.of(proficiencies, "en");
  }

  /** Supervisor changes to a queue's configuration. */
  enum QueueChange {
    REMOVE,
    RESTORE,
    WIDEN
  }

  record ChangeQueue(int queue, QueueChange change) implements ScriptedOp {
    @Override
    public String run(Cast cast) {
      Tenant tenant = cast.tenant();
      QueueConfig standard = standardQueues().get(queue);
      switch (change) {
        case REMOVE -> tenant.removeQueue(standard.id());
        case RESTORE -> tenant.configureQueue(standard);
        case WIDEN ->
            tenant.configureQueue(
                standard.toBuilder()
                    .stages(List.of(EscalationStage.immediately(SkillExpression.ANY)))
                    .priority(standard.priority() + 30)
                    .build());
      }
      return change + " " + standard.id();
    }

    @Override
    public String toString() {
      return change.name().toLowerCase(java.util.Locale.ROOT) + "Queue " + QUEUES.get(queue);
    }
  }

  record Advance(int seconds) implements ScriptedOp {
    @Override
    public String run(Cast cast) {
      cast.advance(Duration.ofSeconds(seconds));
      return "advanced " + seconds + "s";
    }

    @Override
    public boolean refusable() {
      return false;
    }

    @Override
    public String toString() {
      return "advance " + seconds + "s";
    }
  }
}
