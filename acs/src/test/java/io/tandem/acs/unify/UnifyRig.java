package io.tandem.acs.unify;

import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentProfile;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.interaction.Channel;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.skill.AgentSkills;
import io.tandem.core.voicemail.VoicemailLimits;
import io.tandem.emulator.EmulatorSettings;
import io.tandem.emulator.journal.JournalEntry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A {@link UnifyNode} for the end-to-end tests: a 1.5 s welcome, 0.3 s prompts, the world's Teams
 * users as agents (each given the Teams extension access assignment an admin would make), every
 * tenant event kept.
 */
final class UnifyRig implements AutoCloseable {

  /** The world's agents: Teams user ids by name. */
  static final Map<String, String> AGENTS =
      Map.of(
          "ann", "55555555-eeee-4fff-8aaa-000000000001",
          "dan", "55555555-eeee-4fff-8aaa-000000000002",
          "nia", "55555555-eeee-4fff-8aaa-000000000003",
          "gil", "55555555-eeee-4fff-8aaa-000000000004",
          "eve", "55555555-eeee-4fff-8aaa-000000000005");

  /** A Teams user outside the contact center who answers when called. */
  static final String TOM = "55555555-eeee-4fff-8aaa-000000000011";

  /** A Teams user outside the contact center who declines when called. */
  static final String ZOE = "55555555-eeee-4fff-8aaa-000000000012";

  private static final byte[] SHORT_PROMPT = UnifyNode.silence(300);

  /** The welcome before the menu lasts long enough to type ahead during it. */
  private static final byte[] WELCOME = UnifyNode.silence(1500);

  final List<TenantEvent> events = new CopyOnWriteArrayList<>();
  final List<String> promptsFetched = new CopyOnWriteArrayList<>();
  final UnifyNode node;
  final UnifyCalls unify;

  UnifyRig() throws Exception {
    this(Function.identity());
  }

  UnifyRig(Function<UnifySettings, UnifySettings> settings) throws Exception {
    this(settings, UnifyNode.ACCESS_KEY);
  }

  UnifyRig(Function<UnifySettings, UnifySettings> settings, String accessKey) throws Exception {
    this(settings, accessKey, VoicemailLimits.DEFAULT);
  }

  /** A rig whose voicemail keeps messages within {@code limits}. */
  UnifyRig(VoicemailLimits limits) throws Exception {
    this(Function.identity(), UnifyNode.ACCESS_KEY, limits);
  }

  private UnifyRig(
      Function<UnifySettings, UnifySettings> settings, String accessKey, VoicemailLimits limits)
      throws Exception {
    node =
        new UnifyNode(
            EmulatorSettings.defaults().journalCapacity(),
            path -> {
              promptsFetched.add(path);
              return path.contains("welcome") ? WELCOME : SHORT_PROMPT;
            },
            settings,
            accessKey,
            limits);
    unify = node.unify;
    node.tell(t -> t.addListener(events::add)).join();
  }

  /**
   * Configures the billing queue and logs in {@code agents} (by name, most proficient first) ready.
   */
  void staff(QueueConfig.Builder billing, List<String> agents) throws Exception {
    for (String agent : agents) {
      node.acs.assignTeamsExtensionUser(
          UnifyNode.TENANT, AGENTS.get(agent), List.of(UnifyNode.APP));
    }
    node.onTenant(
            t -> {
              t.configureQueue(billing.build());
              int rank = agents.size() + 1;
              for (String agent : agents) {
                AgentId id = new AgentId(agent);
                t.configureAgent(
                    new AgentProfile(
                        id,
                        agent,
                        AgentSkills.of(Map.of("billing", rank--)),
                        Map.of(Channel.VOICE, 1, Channel.CALLBACK, 1),
                        AGENTS.get(agent)));
                t.logIn(id, true);
              }
              return null;
            })
        .join();
  }

  /** A PSTN caller dials the help line with {@code script} fields (JSON members). */
  String dial(String scriptMembers) throws Exception {
    return node.dial("+447700900123", scriptMembers);
  }

  <T extends TenantEvent> List<T> events(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  List<JournalEntry> journal(Predicate<JournalEntry> filter) {
    return node.emulator.journal().after(0, filter, Integer.MAX_VALUE);
  }

  @Override
  public void close() {
    node.close();
  }
}
