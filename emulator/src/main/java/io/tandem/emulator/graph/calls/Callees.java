package io.tandem.emulator.graph.calls;

import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Journal;
import io.tandem.emulator.teams.OfferListener;
import io.tandem.emulator.teams.OfferState;
import io.tandem.emulator.teams.TeamsClients;
import io.tandem.emulator.teams.TeamsOffer;
import io.tandem.emulator.time.Scheduler;
import io.tandem.emulator.world.TeamsUser;
import io.tandem.emulator.world.World;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rings the party a transfer, redirect, invitation or outgoing call names: a Teams user (by object
 * id, or by their Teams phone number) through the simulated Teams clients, or an external PSTN
 * number, which answers after {@code pstnAnswerAfter}. A Teams user who neither answers nor
 * declines within the ring timeout counts as not reached.
 */
final class Callees {

  /** How ringing ended. Called on scheduler threads, without the call's lock. */
  interface Outcome {
    void answered(String personId, Runnable hangUpPerson);

    void failed(ObjectNode resultInfo);

    /** The person hung up after answering. */
    default void personHungUp() {}

    /** The person pressed digits after answering. */
    default void personPressed(String digits) {}
  }

  /**
   * How ringing ends for one of a bot's calls: an answer is taken, under the call's lock, only
   * while the call still wants the person; otherwise the person who answered is hung up at once.
   */
  abstract static class ForCall implements Outcome {

    final GraphCall call;
    private final BooleanSupplier wanted;

    /** {@code wanted}: whether the call still wants the person; called with the call's lock. */
    ForCall(GraphCall call, BooleanSupplier wanted) {
      this.call = call;
      this.wanted = wanted;
    }

    /** The person answered and is wanted; called with the call's lock held. */
    abstract void reached(String personId, Runnable hangUpPerson);

    @Override
    public final void answered(String personId, Runnable hangUpPerson) {
      synchronized (call) {
        if (wanted.getAsBoolean()) {
          reached(personId, hangUpPerson);
        } else {
          hangUpPerson.run();
        }
      }
    }
  }

  private final World world;
  private final TeamsClients teams;
  private final Scheduler scheduler;
  private final Journal journal;
  private final Supplier<GraphCallsSettings> settings;

  Callees(
      World world,
      TeamsClients teams,
      Scheduler scheduler,
      Journal journal,
      Supplier<GraphCallsSettings> settings) {
    this.world = world;
    this.teams = teams;
    this.scheduler = scheduler;
    this.journal = journal;
    this.settings = settings;
  }

  /** The Teams user {@code target} names in {@code tenantId}, if it names one. */
  Optional<TeamsUser> user(String tenantId, Target target) {
    return switch (target.kind()) {
      case USER -> world.user(tenantId, target.id());
      case PHONE -> world.userByPhone(tenantId, target.id());
      case APPLICATION_INSTANCE -> Optional.empty();
    };
  }

  /**
   * Rings {@code target} for {@code call} for at most the ring timeout; the returned action stops
   * the ringing (nothing is reported to {@code outcome} then).
   */
  Runnable ring(GraphCall call, Target target, Outcome outcome) {
    return ring(call.tenantId, call.id, target, settings.get().ringTimeout(), outcome);
  }

  /**
   * Rings {@code target} for {@code callId} for at most {@code timeout}; the returned action stops
   * the ringing.
   */
  Runnable ring(String tenantId, String callId, Target target, Duration timeout, Outcome outcome) {
    Optional<TeamsUser> user = user(tenantId, target);
    if (user.isPresent()) {
      return ringUser(user.get(), callId, timeout, outcome);
    } else if (target.kind() == Target.Kind.PHONE) {
      journal.event(Channel.WORLD, "pstn.ringing", callId, Map.of("number", target.id()));
      Scheduler.Timer answer =
          scheduler.schedule(
              settings.get().pstnAnswerAfter(),
              () -> {
                journal.event(
                    Channel.WORLD, "pstn.answered", callId, Map.of("number", target.id()));
                outcome.answered(
                    target.id(),
                    () ->
                        journal.event(
                            Channel.WORLD, "pstn.hungUp", callId, Map.of("number", target.id())));
              });
      return () -> {
        answer.cancel();
        journal.event(Channel.WORLD, "pstn.cancelled", callId, Map.of("number", target.id()));
      };
    } else {
      Scheduler.Timer notReached =
          scheduler.schedule(Duration.ZERO, () -> outcome.failed(ResultInfos.notReached()));
      return notReached::cancel;
    }
  }

  private Runnable ringUser(TeamsUser user, String callId, Duration timeout, Outcome outcome) {
    TeamsOffer[] offer = new TeamsOffer[1];
    Scheduler.Timer[] ringOut = new Scheduler.Timer[1];
    OfferListener listener =
        new OfferListener() {
          @Override
          public void answered() {
            if (ringOut[0] != null) {
              ringOut[0].cancel();
            }
            outcome.answered(user.id(), () -> offer[0].remoteHangUp());
          }

          @Override
          public void declined() {
            stop();
            outcome.failed(ResultInfos.declined());
          }

          @Override
          public void busy() {
            stop();
            outcome.failed(ResultInfos.busy());
          }

          @Override
          public void hungUp() {
            outcome.personHungUp();
          }

          @Override
          public void dtmf(String digits) {
            outcome.personPressed(digits);
          }

          private void stop() {
            if (ringOut[0] != null) {
              ringOut[0].cancel();
            }
          }
        };
    offer[0] = teams.offer(user, callId, listener);
    if (offer[0].state() == OfferState.RINGING) {
      ringOut[0] =
          scheduler.schedule(
              timeout,
              () -> {
                if (offer[0].state() == OfferState.RINGING) {
                  offer[0].cancel();
                  outcome.failed(ResultInfos.notReached());
                }
              });
    }
    return () -> {
      if (ringOut[0] != null) {
        ringOut[0].cancel();
      }
      offer[0].cancel();
    };
  }
}
