package io.tandem.core.callcontrol;

import io.tandem.core.interaction.InteractionId;
import io.tandem.core.tenant.Tenant;
import io.tandem.core.tenant.TenantAccess;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The agent's control of a caller's call while they talk, whatever the channel: the {@link
 * TalkState}, which {@link CallAction} it allows, the outcome of each recorded in the tenant
 * through {@code work()}, and the wire work asked of the channel's {@link TalkWire}. The channel
 * reports what the wire did through the callbacks ({@link #consultAnswered}, {@link
 * #transferFailed}, {@link #thirdPartyLeft}, …), which return whether the talk took the report.
 *
 * <p>Confined to the call's lane: one thread at a time, in the order the call's events arrive.
 */
public final class TalkControl {

  private static final System.Logger LOG = System.getLogger(TalkControl.class.getName());
  private static final String NOBODY_CONSULTED =
      "a transfer without a target hands the caller to the consulted party; nobody is"
          + " consulted now";

  private final String call;
  private final String service;
  private final TalkWire wire;
  private final TenantAccess tenant;
  private TalkState state = TalkState.TALKING;
  private @Nullable CallTarget thirdParty;

  /**
   * The talk of {@code call} (named so in logs), carried out by {@code service} (named so in
   * refusals: "the service", "Graph") through {@code wire}, recorded in {@code tenant}.
   */
  public TalkControl(String call, String service, TalkWire wire, TenantAccess tenant) {
    this.call = call;
    this.service = service;
    this.wire = wire;
    this.tenant = tenant;
  }

  public TalkState state() {
    return state;
  }

  /** The consulted party or the blind transfer's target, ringing or in; null when none. */
  public @Nullable CallTarget thirdParty() {
    return thirdParty;
  }

  /**
   * Carries out {@code action} as far as the request to the wire.
   *
   * @throws CallActionRefused NOT_LIVE without an interaction; NOT_NOW when the state does not
   *     allow it or the wire failed (the state is then unchanged); UNSUPPORTED for a target the
   *     channel does not reach
   */
  public void request(CallAction action) {
    InteractionId id = wire.interaction();
    if (id == null) {
      throw new CallActionRefused(CallActionRefused.Reason.NOT_LIVE, "the call has no interaction");
    }
    try {
      switch (action) {
        case CallAction.Hold hold -> hold(id);
        case CallAction.Resume resume -> resume(id);
        case CallAction.Consult consult -> consult(id, consult.target());
        case CallAction.Conference conference -> conference(id);
        case CallAction.Transfer transfer -> transfer(id, transfer.target());
        case CallAction.HangUp hangUp -> hangUp(id);
      }
    } catch (CallActionRefused refused) {
      throw refused;
    } catch (Exception failed) {
      LOG.log(System.Logger.Level.WARNING, action.name() + " refused by " + service, failed);
      throw new CallActionRefused(
          CallActionRefused.Reason.NOT_NOW,
          service + " refused " + action.name() + ": " + failed.getMessage());
    }
  }

  private void hold(InteractionId id) throws Exception {
    require(state == TalkState.TALKING, "hold");
    wire.holdCaller(true);
    move(TalkState.HOLDING);
    record(t -> t.work().hold(id));
  }

  private void resume(InteractionId id) throws Exception {
    switch (state) {
      case HOLDING -> {}
      case CONSULT_RINGING -> dropThirdParty(false);
      case CONSULTING, CONFERENCED -> dropThirdParty(true);
      default -> throw state.refusal("resume");
    }
    wire.holdCaller(false);
    move(TalkState.TALKING);
    record(t -> t.work().resume(id));
  }

  private void consult(InteractionId id, CallTarget target) throws Exception {
    require(state == TalkState.TALKING || state == TalkState.HOLDING, "consult");
    wire.callThirdParty(target, TalkWire.Purpose.CONSULT);
    thirdParty = target;
    move(TalkState.CONSULT_RINGING);
    record(t -> t.work().consult(id, target.text()));
  }

  private void conference(InteractionId id) throws Exception {
    require(state == TalkState.CONSULTING, "conference");
    wire.joinAll();
    move(TalkState.CONFERENCED);
    record(t -> t.work().conference(id));
  }

  private void transfer(InteractionId id, @Nullable CallTarget target) throws Exception {
    switch (target) {
      case null -> handOverToConsulted(id);
      case CallTarget.Queue queue -> sendToQueue(id, queue);
      default -> blindTransfer(id, target);
    }
  }

  private void blindTransfer(InteractionId id, CallTarget target) throws Exception {
    require(state == TalkState.TALKING || state == TalkState.HOLDING, "transfer");
    wire.callThirdParty(target, TalkWire.Purpose.TRANSFER);
    thirdParty = target;
    move(TalkState.TRANSFERRING);
    record(t -> t.work().startTransfer(id, target.text()));
  }

  private void handOverToConsulted(InteractionId id) throws Exception {
    CallTarget target = thirdParty;
    if (target == null || (state != TalkState.CONSULTING && state != TalkState.CONFERENCED)) {
      throw new CallActionRefused(CallActionRefused.Reason.NOT_NOW, NOBODY_CONSULTED);
    }
    wire.handOver(true);
    thirdParty = null;
    move(TalkState.DONE);
    record(
        t -> {
          t.work().startTransfer(id, target.text());
          t.work().transferCompleted(id);
        });
    wire.passedOn(true);
  }

  private void sendToQueue(InteractionId id, CallTarget.Queue target) throws Exception {
    require(state == TalkState.TALKING || state == TalkState.HOLDING, "transfer to a queue");
    boolean known = tenant.ask(t -> t.state().queue(target.queue()) != null).join();
    if (!known) {
      throw new CallActionRefused(
          CallActionRefused.Reason.NOT_NOW, "there is no queue " + target.queue());
    }
    wire.sendToQueue(target.queue());
    move(TalkState.DONE);
    record(t -> t.work().transferToQueue(id, target.queue()));
  }

  private void hangUp(InteractionId id) {
    require(state != TalkState.TRANSFERRING && state != TalkState.DONE, "hang-up");
    move(TalkState.DONE);
    record(t -> t.agentHungUp(id));
    wire.hangUp();
  }

  /** The consulted party answered while ringing: agent and consulted party talk. */
  public boolean consultAnswered() {
    if (state != TalkState.CONSULT_RINGING || wire.interaction() == null) {
      return false;
    }
    move(TalkState.CONSULTING);
    return true;
  }

  /** The consulted party did not answer ({@code why}): the caller holds on with the agent. */
  public boolean consultUnanswered(String why) {
    InteractionId id = wire.interaction();
    if (state != TalkState.CONSULT_RINGING || id == null) {
      return false;
    }
    LOG.log(System.Logger.Level.INFO, "consultation not answered: {0}", why);
    consultEnded(id);
    return true;
  }

  /** The consulted party left: back to holding, or from a conference to talking. */
  public boolean thirdPartyLeft() {
    InteractionId id = wire.interaction();
    if ((state != TalkState.CONSULTING && state != TalkState.CONFERENCED) || id == null) {
      return false;
    }
    consultEnded(id);
    return true;
  }

  /** The blind transfer's target answered: the agent leaves, the transfer is complete. */
  public boolean transferAnswered() {
    InteractionId id = wire.interaction();
    if (state != TalkState.TRANSFERRING || id == null) {
      return false;
    }
    CallTarget target = thirdParty;
    try {
      wire.handOver(false);
    } catch (Exception failed) {
      LOG.log(System.Logger.Level.WARNING, "handing " + call + " over refused", failed);
    }
    thirdParty = null;
    move(TalkState.DONE);
    record(t -> t.work().transferCompleted(id));
    wire.passedOn(false);
    LOG.log(System.Logger.Level.DEBUG, "{0} transferred to {1}", call, target);
    return true;
  }

  /** The blind transfer failed ({@code why}): the caller is back with the agent. */
  public boolean transferFailed(String why) {
    InteractionId id = wire.interaction();
    if (state != TalkState.TRANSFERRING || id == null) {
      return false;
    }
    thirdParty = null;
    try {
      wire.holdCaller(false);
    } catch (Exception refused) {
      LOG.log(System.Logger.Level.DEBUG, "taking the caller off hold refused on " + call, refused);
    }
    move(TalkState.TALKING);
    record(t -> t.work().transferFailed(id, why));
    return true;
  }

  /** The agent left the call on their own: the third party goes too, and the call ends. */
  public boolean agentLeft() {
    InteractionId id = wire.interaction();
    if (state == TalkState.DONE || id == null) {
      return false;
    }
    if (thirdParty != null) {
      try {
        dropThirdParty(state == TalkState.CONSULTING || state == TalkState.CONFERENCED);
      } catch (Exception refused) {
        LOG.log(System.Logger.Level.DEBUG, "dropping the third party refused on " + call, refused);
      }
    }
    move(TalkState.DONE);
    record(t -> t.agentHungUp(id));
    wire.hangUp();
    return true;
  }

  private void consultEnded(InteractionId id) {
    thirdParty = null;
    if (state == TalkState.CONFERENCED) {
      move(TalkState.TALKING);
      record(t -> t.work().resume(id));
    } else {
      move(TalkState.HOLDING);
      record(t -> t.work().hold(id));
    }
  }

  private void dropThirdParty(boolean answered) throws Exception {
    wire.dropThirdParty(answered);
    thirdParty = null;
  }

  private void record(Consumer<Tenant> outcome) {
    tenant
        .tell(outcome)
        .whenComplete(
            (done, failed) -> {
              if (failed != null) {
                LOG.log(
                    System.Logger.Level.DEBUG,
                    "tenant refused a command for " + call + ": " + failed.getMessage());
              }
            });
  }

  private void require(boolean allowed, String action) {
    if (!allowed) {
      throw state.refusal(action);
    }
  }

  private void move(TalkState next) {
    state = state.moveTo(next, call);
  }
}
