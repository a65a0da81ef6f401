package io.tandem.emulator.teams;

import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Journal;
import io.tandem.emulator.time.Scheduler;
import io.tandem.emulator.world.ClientBehaviour;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One call offered to one simulated Teams client, played out by its {@link ClientBehaviour}: it
 * rings, then answers, declines, reports busy or keeps ringing; once connected it may press digits,
 * ask for a transfer and hang up, each at its scripted time. The channel that offered the call
 * calls {@link #cancel()} when the caller gives up and {@link #remoteHangUp()} when the other side
 * ends a connected call.
 */
public final class TeamsOffer {

  private final String callId;
  private final String userId;
  private final ClientBehaviour behaviour;
  private final OfferListener listener;
  private final Scheduler scheduler;
  private final Journal journal;
  private final Runnable onConnected;
  private final Runnable onFinished;
  private final List<Scheduler.Timer> timers = new ArrayList<>();
  private OfferState state = OfferState.RINGING;

  TeamsOffer(
      String callId,
      String userId,
      ClientBehaviour behaviour,
      OfferListener listener,
      Scheduler scheduler,
      Journal journal,
      Runnable onConnected,
      Runnable onFinished) {
    this.callId = callId;
    this.userId = userId;
    this.behaviour = behaviour;
    this.listener = listener;
    this.scheduler = scheduler;
    this.journal = journal;
    this.onConnected = onConnected;
    this.onFinished = onFinished;
  }

  void start() {
    record("user.ringing");
    listener.ringing();
    if (behaviour.response() != ClientBehaviour.Response.NO_ANSWER) {
      later(behaviour.answerAfter(), this::respond);
    }
  }

  public synchronized OfferState state() {
    return state;
  }

  public String userId() {
    return userId;
  }

  public String callId() {
    return callId;
  }

  /** The caller gave up, or the offering side withdrew the offer, before the user answered. */
  public void cancel() {
    if (move(OfferState.CANCELLED)) {
      record("user.offerCancelled");
      onFinished.run();
    }
  }

  /** The other side ended a connected call. */
  public void remoteHangUp() {
    if (move(OfferState.ENDED)) {
      record("user.callEnded");
      onFinished.run();
    }
  }

  private void respond() {
    switch (behaviour.response()) {
      case ANSWER -> answer();
      case DECLINE -> {
        if (move(OfferState.DECLINED)) {
          record("user.declined");
          onFinished.run();
          listener.declined();
        }
      }
      case BUSY -> {
        if (move(OfferState.BUSY)) {
          record("user.busy");
          onFinished.run();
          listener.busy();
        }
      }
      case NO_ANSWER -> {}
    }
  }

  private void answer() {
    if (!move(OfferState.CONNECTED)) {
      return;
    }
    record("user.answered");
    onConnected.run();
    listener.answered();
    if (behaviour.dtmf() != null) {
      String digits = behaviour.dtmf();
      later(
          java.time.Duration.ofSeconds(1),
          () -> {
            if (state() == OfferState.CONNECTED) {
              record("user.dtmf");
              listener.dtmf(digits);
            }
          });
    }
    if (behaviour.transferTo() != null && behaviour.transferAfter() != null) {
      String target = behaviour.transferTo();
      later(
          behaviour.transferAfter(),
          () -> {
            if (state() == OfferState.CONNECTED) {
              record("user.transferRequested");
              listener.transferRequested(target);
            }
          });
    }
    if (behaviour.hangUpAfter() != null) {
      later(behaviour.hangUpAfter(), this::hangUp);
    }
  }

  private void hangUp() {
    if (move(OfferState.ENDED)) {
      record("user.hungUp");
      onFinished.run();
      listener.hungUp();
    }
  }

  private synchronized boolean move(OfferState next) {
    if (!state.canMoveTo(next)) {
      return false;
    }
    state = next;
    if (next.isFinal()) {
      timers.forEach(Scheduler.Timer::cancel);
      timers.clear();
    }
    return true;
  }

  private synchronized void later(java.time.Duration delay, Runnable action) {
    if (!state.isFinal()) {
      timers.add(scheduler.schedule(delay, action));
    }
  }

  private void record(String kind) {
    journal.event(Channel.WORLD, kind, callId, Map.of("user", userId));
  }
}
