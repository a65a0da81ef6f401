package io.tandem.server.config;

import io.tandem.core.agent.AgentId;
import io.tandem.core.presence.Availability;
import io.tandem.core.queue.Announcements;
import io.tandem.core.queue.EscalationStage;
import io.tandem.core.queue.QueueAction;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueId;
import io.tandem.core.queue.RoutingStrategyKind;
import io.tandem.core.queue.ServiceLevelTarget;
import io.tandem.core.skill.SkillExpression;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Maps {@link QueueDocument}s to {@link QueueConfig}s and back. Defaults are {@link
 * QueueConfig#builder}'s, as docs/configuration.md lists them. References to other objects (queues,
 * business hours, skills) are checked by {@link References}, not here.
 */
final class QueueDocuments {

  private QueueDocuments() {}

  /** The configuration {@code doc} at {@code path} describes, or null when it has problems. */
  static @Nullable QueueConfig config(QueueDocument doc, String path, Problems problems) {
    int before = problems.count();
    if (doc.id() == null) {
      problems.add(Problems.at(path, "id"), "is required");
      return null;
    }
    QueueId id = problems.attempt(Problems.at(path, "id"), () -> new QueueId(doc.id()));
    if (id == null) {
      return null;
    }
    QueueConfig.Builder queue = QueueConfig.builder(id.value());
    set(doc.name(), queue::name);
    set(doc.priority(), queue::priority);
    if (doc.stages() != null) {
      queue.stages(stages(doc.stages(), Problems.at(path, "stages"), problems));
    }
    if (doc.members() != null) {
      List<AgentId> members = new ArrayList<>();
      for (int i = 0; i < doc.members().size(); i++) {
        String member = doc.members().get(i);
        set(
            problems.attempt(Problems.at(path, "members[" + i + "]"), () -> new AgentId(member)),
            members::add);
      }
      queue.members(members);
    }
    if (doc.strategy() != null) {
      set(
          Values.constant(
              RoutingStrategyKind.class, doc.strategy(), Problems.at(path, "strategy"), problems),
          queue::strategy);
    }
    set(doc.simultaneousOffers(), queue::simultaneousOffers);
    if (doc.allowedAvailabilities() != null) {
      Set<Availability> allowed = EnumSet.noneOf(Availability.class);
      for (int i = 0; i < doc.allowedAvailabilities().size(); i++) {
        set(
            Values.constant(
                Availability.class,
                doc.allowedAvailabilities().get(i),
                Problems.at(path, "allowedAvailabilities[" + i + "]"),
                problems),
            allowed::add);
      }
      queue.allowedAvailabilities(allowed);
    }
    if (doc.serviceLevel() != null) {
      String field = Problems.at(path, "serviceLevel");
      QueueDocument.ServiceLevel sl = doc.serviceLevel();
      Duration threshold =
          sl.threshold() == null
              ? Duration.ofSeconds(20)
              : Values.duration(sl.threshold(), field + ".threshold", problems);
      int percent = sl.percent() == null ? 80 : sl.percent();
      if (threshold != null) {
        set(
            problems.attempt(field, () -> new ServiceLevelTarget(percent, threshold)),
            queue::serviceLevel);
      }
    }
    duration(doc.maxWait(), Problems.at(path, "maxWait"), problems, queue::maxWait);
    set(doc.maxLength(), queue::maxLength);
    set(
        action(doc.overflowAction(), Problems.at(path, "overflowAction"), problems),
        queue::overflowAction);
    queue.noAgentAction(action(doc.noAgentAction(), Problems.at(path, "noAgentAction"), problems));
    queue.businessHours(doc.businessHours());
    set(
        action(doc.closedAction(), Problems.at(path, "closedAction"), problems),
        queue::closedAction);
    duration(doc.wrapUp(), Problems.at(path, "wrapUp"), problems, queue::wrapUp);
    duration(doc.ringTimeout(), Problems.at(path, "ringTimeout"), problems, queue::ringTimeout);
    duration(
        doc.preferredAgentTimeout(),
        Problems.at(path, "preferredAgentTimeout"),
        problems,
        queue::preferredAgentTimeout);
    if (doc.announcements() != null) {
      set(
          announcements(doc.announcements(), Problems.at(path, "announcements"), problems),
          queue::announcements);
    }
    if (problems.count() > before) {
      return null;
    }
    return problems.attempt(path.isEmpty() ? "queue" : path, queue::build);
  }

  private static List<EscalationStage> stages(
      List<QueueDocument.Stage> docs, String path, Problems problems) {
    List<EscalationStage> stages = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      QueueDocument.Stage doc = docs.get(i);
      String at = path + "[" + i + "]";
      Duration after =
          doc.after() == null
              ? Duration.ZERO
              : Values.duration(doc.after(), at + ".after", problems);
      if (doc.skills() == null) {
        problems.add(at + ".skills", "is required (write any for every agent)");
        continue;
      }
      SkillExpression skills =
          problems.attempt(at + ".skills", () -> SkillExpression.parse(doc.skills()));
      if (after != null && skills != null) {
        set(problems.attempt(at + ".after", () -> new EscalationStage(after, skills)), stages::add);
      }
    }
    return stages;
  }

  static @Nullable QueueAction action(
      QueueDocument.@Nullable Action doc, String path, Problems problems) {
    if (doc == null) {
      return null;
    }
    if (doc.kind() == null) {
      problems.add(
          path + ".kind",
          "is required: ToQueue, ToVoicemail, OfferCallback, ToNumber or Disconnect");
      return null;
    }
    String needs =
        switch (doc.kind()) {
          case "ToQueue" -> "queue";
          case "ToVoicemail" -> "mailbox";
          case "ToNumber" -> "number";
          case "Disconnect" -> "message";
          case "OfferCallback" -> "";
          default -> null;
        };
    if (needs == null) {
      problems.add(
          path + ".kind",
          "must be ToQueue, ToVoicemail, OfferCallback, ToNumber or Disconnect, got '"
              + doc.kind()
              + "'");
      return null;
    }
    int before = problems.count();
    extra(doc.queue(), "queue", needs, path, problems);
    extra(doc.mailbox(), "mailbox", needs, path, problems);
    extra(doc.number(), "number", needs, path, problems);
    extra(doc.message(), "message", needs, path, problems);
    if (problems.count() > before) {
      return null;
    }
    return problems.attempt(
        path + (needs.isEmpty() ? "" : "." + needs),
        () ->
            switch (doc.kind()) {
              case "ToQueue" -> new QueueAction.ToQueue(new QueueId(doc.queue()));
              case "ToVoicemail" -> new QueueAction.ToVoicemail(doc.mailbox());
              case "ToNumber" -> new QueueAction.ToNumber(doc.number());
              case "Disconnect" -> new QueueAction.Disconnect(doc.message());
              default -> new QueueAction.OfferCallback();
            });
  }

  private static void extra(
      @Nullable String value, String field, String needs, String path, Problems problems) {
    if (field.equals(needs) && value == null) {
      problems.add(path + "." + field, "is required for this kind");
    } else if (!field.equals(needs) && value != null) {
      problems.add(path + "." + field, "does not belong to this kind of action");
    }
  }

  private static @Nullable Announcements announcements(
      QueueDocument.Announcements doc, String path, Problems problems) {
    Announcements standard = Announcements.standard();
    Duration interval = standard.interval();
    if (doc.interval() != null) {
      interval =
          doc.interval().equals("none")
              ? null
              : Values.duration(doc.interval(), path + ".interval", problems);
    }
    Duration every = interval;
    return problems.attempt(
        path,
        () ->
            new Announcements(
                doc.musicOnHold() == null ? standard.musicOnHold() : doc.musicOnHold(),
                every,
                doc.announcePosition() == null
                    ? standard.announcePosition()
                    : doc.announcePosition(),
                doc.announceExpectedWait() == null
                    ? standard.announceExpectedWait()
                    : doc.announceExpectedWait()));
  }

  private static void duration(
      @Nullable String text, String field, Problems problems, Consumer<Duration> target) {
    if (text != null) {
      set(Values.duration(text, field, problems), target);
    }
  }

  private static <T> void set(@Nullable T value, Consumer<T> target) {
    if (value != null) {
      target.accept(value);
    }
  }

  /** The document of {@code config}, every key written. */
  static QueueDocument of(QueueConfig config) {
    return new QueueDocument(
        config.id().value(),
        config.name(),
        config.priority(),
        config.stages().stream()
            .map(s -> new QueueDocument.Stage(Values.text(s.after()), s.skills().toString()))
            .toList(),
        config.members().stream().map(AgentId::value).toList(),
        config.strategy().name(),
        config.simultaneousOffers(),
        config.allowedAvailabilities().stream().sorted().map(Enum::name).toList(),
        new QueueDocument.ServiceLevel(
            config.serviceLevel().percent(), Values.text(config.serviceLevel().threshold())),
        config.maxWait() == null ? null : Values.text(config.maxWait()),
        config.maxLength(),
        of(config.overflowAction()),
        config.noAgentAction() == null ? null : of(config.noAgentAction()),
        config.businessHours(),
        of(config.closedAction()),
        Values.text(config.wrapUp()),
        Values.text(config.ringTimeout()),
        Values.text(config.preferredAgentTimeout()),
        new QueueDocument.Announcements(
            config.announcements().musicOnHold(),
            config.announcements().interval() == null
                ? "none"
                : Values.text(config.announcements().interval()),
            config.announcements().announcePosition(),
            config.announcements().announceExpectedWait()));
  }

  private static QueueDocument.Action of(QueueAction action) {
    String kind = action.getClass().getSimpleName();
    return switch (action) {
      case QueueAction.ToQueue to ->
          new QueueDocument.Action(kind, to.queue().value(), null, null, null);
      case QueueAction.ToVoicemail vm ->
          new QueueDocument.Action(kind, null, vm.mailbox(), null, null);
      case QueueAction.ToNumber n -> new QueueDocument.Action(kind, null, null, n.number(), null);
      case QueueAction.Disconnect d ->
          new QueueDocument.Action(kind, null, null, null, d.message());
      case QueueAction.OfferCallback c -> new QueueDocument.Action(kind, null, null, null, null);
    };
  }
}
