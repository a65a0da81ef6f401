package io.tandem.emulator.acs;

import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Journal;
import io.tandem.emulator.teams.OfferListener;
import io.tandem.emulator.teams.TeamsClients;
import io.tandem.emulator.teams.TeamsOffer;
import io.tandem.emulator.time.Scheduler;
import io.tandem.emulator.world.ClientBehaviour;
import io.tandem.emulator.world.TeamsUser;
import io.tandem.emulator.world.World;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Rings a participant a call wants to reach (add participant, transfer, create call). Teams users
 * and Teams extension users ring their simulated Teams client, which behaves as the world says; a
 * resource account linked to ACS (its 28:orgid id or phone number) rings its application with an
 * IncomingCall carrying the custom context, when the call offers a phone number as caller; other
 * phone numbers behave as {@link PstnPhones} scripts them (unscripted ones, and ACS users, are
 * simulated parties that answer after {@link #EXTERNAL_ANSWER_AFTER}). Whoever has not answered
 * within the timeout is given up on.
 */
final class Ringer {

  static final Duration EXTERNAL_ANSWER_AFTER = Duration.ofSeconds(2);

  /** What became of the ringing. Called once, on a scheduler thread or the caller's. */
  interface Listener {
    void answered(Ring ring);

    void failed(ResultInformation reason);

    /** The reached participant hung up later. */
    default void hungUp() {}
  }

  /**
   * Who rings and what they send: the phone number the target sees as caller ({@code null} when the
   * caller is not a phone number) and the custom calling context.
   */
  record Offer(@org.jspecify.annotations.Nullable String fromNumber, CustomContext context) {
    static final Offer PLAIN = new Offer(null, CustomContext.NONE);
  }

  /** One ringing or connected leg. */
  interface Ring {
    /** Stops ringing (no callback follows). Returns whether it was still ringing. */
    boolean cancel();

    /** Ends the connected leg from the call's side. */
    void hangUp();
  }

  private final World world;
  private final TeamsClients teams;
  private final Scheduler scheduler;
  private final Journal journal;
  private final AcsPstnTerminator applications;
  private final PstnPhones phones;

  Ringer(
      World world,
      TeamsClients teams,
      Scheduler scheduler,
      Journal journal,
      AcsPstnTerminator applications,
      PstnPhones phones) {
    this.applications = applications;
    this.phones = phones;
    this.world = world;
    this.teams = teams;
    this.scheduler = scheduler;
    this.journal = journal;
  }

  Ring ring(String callId, CommunicationIdentifier target, Duration timeout, Listener listener) {
    return ring(callId, target, Offer.PLAIN, timeout, listener);
  }

  Ring ring(
      String callId,
      CommunicationIdentifier target,
      Offer offer,
      Duration timeout,
      Listener listener) {
    AtomicBoolean settled = new AtomicBoolean();
    String objectId = target.userObjectId();
    if (!objectId.isEmpty()) {
      Optional<TeamsUser> user = world.user(objectId);
      if (user.isEmpty()) {
        settled.set(true);
        listener.failed(ResultInformation.NOT_FOUND);
        return new Settled();
      }
      return teamsClient(callId, user.get(), timeout, listener, settled);
    }
    if (target.isPhone()) {
      Optional<TeamsUser> owner =
          world.tenants().stream()
              .flatMap(t -> t.users().stream())
              .filter(u -> target.phoneNumber().equals(u.phoneNumber()))
              .findFirst();
      if (owner.isPresent()) {
        return teamsClient(callId, owner.get(), timeout, listener, settled);
      }
    }
    if (offer.fromNumber() != null) {
      Optional<io.tandem.emulator.world.ResourceAccount> account = applications.acsAccount(target);
      if (account.isPresent()) {
        return applications.offer(
            callId, account.get(), offer.fromNumber(), offer.context(), timeout, listener);
      }
    }
    if (target.isPhone()) {
      Optional<ClientBehaviour> scripted = phones.behaviourOf(target.phoneNumber());
      if (scripted.isPresent()) {
        return scriptedPhone(callId, target, scripted.get(), timeout, listener, settled);
      }
    }
    return external(callId, target, listener, settled);
  }

  private Ring scriptedPhone(
      String callId,
      CommunicationIdentifier target,
      ClientBehaviour behaviour,
      Duration timeout,
      Listener listener,
      AtomicBoolean settled) {
    AtomicBoolean ended = new AtomicBoolean();
    Scheduler.Timer[] timers = new Scheduler.Timer[3];
    Ring ring =
        new Ring() {
          @Override
          public boolean cancel() {
            if (settled.compareAndSet(false, true)) {
              cancelAll(timers);
              journal.event(
                  Channel.WORLD, "external.cancelled", callId, Map.of("party", target.rawId()));
              return true;
            }
            return false;
          }

          @Override
          public void hangUp() {
            if (ended.compareAndSet(false, true)) {
              cancelAll(timers);
              journal.event(
                  Channel.WORLD, "external.hungUpByCall", callId, Map.of("party", target.rawId()));
            }
          }
        };
    journal.event(Channel.WORLD, "external.ringing", callId, Map.of("party", target.rawId()));
    timers[0] =
        scheduler.schedule(
            timeout,
            () -> {
              if (settled.compareAndSet(false, true)) {
                cancelAll(timers);
                journal.event(
                    Channel.WORLD, "external.noAnswer", callId, Map.of("party", target.rawId()));
                listener.failed(ResultInformation.NO_ANSWER);
              }
            });
    if (behaviour.response() == ClientBehaviour.Response.NO_ANSWER) {
      return ring;
    }
    timers[1] =
        scheduler.schedule(
            behaviour.answerAfter(),
            () -> {
              if (!settled.compareAndSet(false, true)) {
                return;
              }
              timers[0].cancel();
              switch (behaviour.response()) {
                case ANSWER -> {
                  journal.event(
                      Channel.WORLD, "external.answered", callId, Map.of("party", target.rawId()));
                  listener.answered(ring);
                  if (behaviour.hangUpAfter() != null) {
                    timers[2] =
                        scheduler.schedule(
                            behaviour.hangUpAfter(),
                            () -> {
                              if (ended.compareAndSet(false, true)) {
                                journal.event(
                                    Channel.WORLD,
                                    "external.hungUp",
                                    callId,
                                    Map.of("party", target.rawId()));
                                listener.hungUp();
                              }
                            });
                  }
                }
                case BUSY -> {
                  journal.event(
                      Channel.WORLD, "external.busy", callId, Map.of("party", target.rawId()));
                  listener.failed(ResultInformation.BUSY);
                }
                case DECLINE, NO_ANSWER -> {
                  journal.event(
                      Channel.WORLD, "external.declined", callId, Map.of("party", target.rawId()));
                  listener.failed(ResultInformation.DECLINED);
                }
              }
            });
    return ring;
  }

  private static void cancelAll(Scheduler.Timer[] timers) {
    for (Scheduler.Timer timer : timers) {
      if (timer != null) {
        timer.cancel();
      }
    }
  }

  private Ring teamsClient(
      String callId, TeamsUser user, Duration timeout, Listener listener, AtomicBoolean settled) {
    TeamsOffer[] offer = new TeamsOffer[1];
    Ring ring =
        new Ring() {
          @Override
          public boolean cancel() {
            if (settled.compareAndSet(false, true)) {
              offer[0].cancel();
              return true;
            }
            return false;
          }

          @Override
          public void hangUp() {
            offer[0].remoteHangUp();
          }
        };
    Scheduler.Timer[] deadline = new Scheduler.Timer[1];
    offer[0] =
        teams.offer(
            user,
            callId,
            new OfferListener() {
              @Override
              public void answered() {
                if (settled.compareAndSet(false, true)) {
                  deadline[0].cancel();
                  listener.answered(ring);
                }
              }

              @Override
              public void declined() {
                settle(ResultInformation.DECLINED);
              }

              @Override
              public void busy() {
                settle(ResultInformation.BUSY);
              }

              @Override
              public void hungUp() {
                listener.hungUp();
              }

              private void settle(ResultInformation reason) {
                if (settled.compareAndSet(false, true)) {
                  deadline[0].cancel();
                  listener.failed(reason);
                }
              }
            });
    deadline[0] =
        scheduler.schedule(
            timeout,
            () -> {
              if (settled.compareAndSet(false, true)) {
                offer[0].cancel();
                listener.failed(ResultInformation.NO_ANSWER);
              }
            });
    return ring;
  }

  private Ring external(
      String callId, CommunicationIdentifier target, Listener listener, AtomicBoolean settled) {
    Ring ring =
        new Ring() {
          @Override
          public boolean cancel() {
            return settled.compareAndSet(false, true);
          }

          @Override
          public void hangUp() {
            journal.event(
                Channel.WORLD, "external.hungUpByCall", callId, Map.of("party", target.rawId()));
          }
        };
    journal.event(Channel.WORLD, "external.ringing", callId, Map.of("party", target.rawId()));
    scheduler.schedule(
        EXTERNAL_ANSWER_AFTER,
        () -> {
          if (settled.compareAndSet(false, true)) {
            journal.event(
                Channel.WORLD, "external.answered", callId, Map.of("party", target.rawId()));
            listener.answered(ring);
          }
        });
    return ring;
  }

  /** A ring that already ended. */
  private static final class Settled implements Ring {
    @Override
    public boolean cancel() {
      return false;
    }

    @Override
    public void hangUp() {}
  }
}
