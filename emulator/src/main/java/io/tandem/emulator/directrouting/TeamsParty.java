package io.tandem.emulator.directrouting;

import io.tandem.emulator.teams.OfferListener;
import io.tandem.emulator.teams.TeamsOffer;
import io.tandem.emulator.world.TeamsUser;
import org.jspecify.annotations.Nullable;

/**
 * The Teams user on the Teams side of an SBC → Teams call, as that user's simulated client reports:
 * each client event is moved onto the call's serial executor and handed to the call, unless the
 * user has left the call meanwhile (a transfer moved it to someone else), whose late events are
 * dropped.
 */
final class TeamsParty implements OfferListener {

  private final CallServices services;
  private final InboundCall call;
  private final TeamsUser user;
  private @Nullable TeamsOffer offer;

  private TeamsParty(CallServices services, InboundCall call, TeamsUser user) {
    this.services = services;
    this.call = call;
    this.user = user;
  }

  /** Rings {@code user}'s client for {@code call}. */
  static TeamsParty ring(CallServices services, InboundCall call, TeamsUser user) {
    TeamsParty party = new TeamsParty(services, call, user);
    party.offer = services.teams.offer(user, call.callId(), party);
    return party;
  }

  TeamsUser user() {
    return user;
  }

  /** The caller gave up before the user answered. */
  void cancel() {
    if (offer != null) {
      offer.cancel();
    }
  }

  /** The other side ended the connected call. */
  void remoteHangUp() {
    if (offer != null) {
      offer.remoteHangUp();
    }
  }

  @Override
  public void ringing() {
    onCall(() -> call.ring());
  }

  @Override
  public void answered() {
    onCall(() -> call.answer(this));
  }

  @Override
  public void declined() {
    onCall(() -> call.declined(this));
  }

  @Override
  public void busy() {
    onCall(() -> call.busy(this));
  }

  @Override
  public void hungUp() {
    onCall(() -> call.teamsHungUp(this));
  }

  @Override
  public void transferRequested(String target) {
    onCall(() -> call.transferRequested(this, target));
  }

  @Override
  public void dtmf(String digits) {
    onCall(() -> call.media().leg().sendDigits(digits));
  }

  private void onCall(Runnable event) {
    services.onCall(
        call.callId(),
        () -> {
          if (call.parties().has(this)) {
            event.run();
          }
        });
  }
}
