package io.tandem.sip.b2bua;

import io.tandem.core.event.TenantEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.tenant.Tenant;
import io.tandem.core.tenant.TenantAccess;
import io.tandem.core.tenant.TenantId;
import io.tandem.sip.stack.InboundRequest;
import io.tandem.sip.trunk.InboundTrunk;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A caller's call from a carrier trunk, from the INVITE until both legs are gone: answered at once
 * with Tandem's media, arrived in the tenant, the virtual assistant, then the queue and the agent
 * leg or a forward to a number ({@link CallerQueueing}), and hang-ups on the caller's side. Every
 * method runs on the call's lane (keyed by the caller's Call-ID); entry points from other threads
 * hop there.
 */
final class CarrierCall implements SipLeg {

  private static final System.Logger LOG = System.getLogger(CarrierCall.class.getName());

  /** The interaction attributes a Connect call carries. */
  static final String MODEL_ATTRIBUTE = "channel.model";

  static final String CONNECT_MODEL = "connect";
  static final String CALL_ID_ATTRIBUTE = "sip.callId";
  static final String TRUNK_ATTRIBUTE = "sip.trunk";

  /** The number a carrier diverted the call from (History-Info, Diversion), when it did. */
  static final String ORIGINAL_CALLED_ATTRIBUTE = "sip.originalCalled";

  private final ConnectContext context;
  private final CallerInvite invite;
  private final InboundTrunk trunk;
  private final TenantAccess tenant;
  private final CallerQueueing queueing;
  private final CallerArrival arrival;
  private final String localTag = ContextIds.tag();
  private CarrierCallState state = CarrierCallState.ANSWERED;
  private @Nullable LegMedia media;
  private @Nullable Dialog dialog;
  private @Nullable InteractionId interaction;
  private @Nullable RtpWatch rtpWatch;
  private final SessionTimer.@Nullable Terms sessionTerms;
  private @Nullable SessionTimer session;

  CarrierCall(
      ConnectContext context,
      InboundRequest invite,
      InboundTrunk trunk,
      TenantAccess tenant,
      SessionTimer.@Nullable Terms sessionTerms) {
    this.context = context;
    this.sessionTerms = sessionTerms;
    this.invite = new CallerInvite(context, invite, localTag);
    this.trunk = trunk;
    this.tenant = tenant;
    this.queueing = new CallerQueueing(this, context);
    this.arrival = new CallerArrival(this, context, this.invite, trunk);
  }

  String lane() {
    return invite.request().callId();
  }

  TenantId tenantId() {
    return trunk.tenant();
  }

  CarrierCallState state() {
    return state;
  }

  @Nullable InteractionId interaction() {
    return interaction;
  }

  LegMedia media() {
    if (media == null) {
      throw new IllegalStateException("call " + lane() + " has no media");
    }
    return media;
  }

  /** The caller's number: the user part of From. */
  String callerNumber() {
    return invite.callerNumber();
  }

  /** Answers the INVITE: 100, then 200 with Tandem's SDP, then the arrival in the tenant. */
  void start() {
    LegMedia answering = invite.acceptMedia(trunk.srtp());
    if (answering == null) {
      context.calls().remove(lane(), this);
      return;
    }
    media = answering;
    String contact = invite.contact();
    Dialog answered = Dialog.answering(invite.request(), localTag, contact);
    dialog = answered;
    SessionTimer timer =
        sessionTerms == null
            ? null
            : new SessionTimer(
                context,
                lane(),
                sessionTerms,
                answered,
                answering::localSdp,
                () -> endedByTandem("session expired"));
    session = timer;
    invite.answer(
        answering,
        contact,
        timer == null ? List.of() : timer.answerHeaders(),
        () -> {
          hangUp();
          callerGone();
        });
    if (timer != null) {
      timer.start();
    }
    rtpWatch = RtpWatch.start(context, lane(), answering, () -> endedByTandem("no RTP"));
    arrival.arrive();
  }

  /**
   * The caller's RTP stopped for the inactivity timeout, or the session expired: BYE to the caller,
   * as if it hung up.
   */
  private void endedByTandem(String why) {
    if (state == CarrierCallState.ENDED) {
      return;
    }
    LOG.log(System.Logger.Level.INFO, "call {0} ended: {1}", lane(), why);
    Dialog current = dialog;
    if (current != null) {
      context.endpoint().send(current.via(), current.request("BYE"), SipConstants.IGNORE);
    }
    callerGone();
  }

  /** The caller is an interaction now: the entry flow starts, unless the caller already left. */
  void arrived(InteractionId id) {
    interaction = id;
    if (state == CarrierCallState.ENDED) {
      tell(t -> t.customerHungUp(id));
      return;
    }
    move(CarrierCallState.IN_FLOW);
    arrival.startEntryFlow(id);
  }

  /** A tenant event about this call's interaction, already on the lane. */
  void event(TenantEvent event) {
    if (state != CarrierCallState.ENDED
        && state != CarrierCallState.TRANSFERRED
        && state != CarrierCallState.FORWARDING) {
      queueing.on(event);
    }
  }

  @Override
  public void onRequest(InboundRequest request) {
    context.endpoint().execute(lane(), () -> inDialog(request));
  }

  private void inDialog(InboundRequest request) {
    switch (request.method()) {
      case "ACK" -> acked(request);
      case "BYE" -> {
        request.respond(200, "OK", localTag, List.of());
        if (state != CarrierCallState.ENDED) {
          callerGone();
        }
      }
      case "CANCEL" -> request.respond(200, "OK", localTag, List.of());
      default -> {
        if (!request.method().equals("INVITE") || !invite.isRepeatedBy(request)) {
          InDialogAnswers.answer(
              request, localTag, invite.contact(), media(), session, queueing::callerHolds);
        }
      }
    }
  }

  private void acked(InboundRequest ack) {
    try {
      invite.acked(ack, media());
    } catch (MediaRefusedException unusable) {
      LOG.log(
          System.Logger.Level.WARNING,
          "answer in ACK of {0} unusable: {1}",
          lane(),
          unusable.getMessage());
      hangUp();
      callerGone();
    }
  }

  @Override
  public void onStrayResponse(io.tandem.sip.stack.InboundResponse response) {}

  /** The caller hung up (or can no longer be reached): the domain learns it, both legs end. */
  private void callerGone() {
    boolean bridged = state == CarrierCallState.BRIDGED;
    boolean handedOn =
        state == CarrierCallState.TRANSFERRED || state == CarrierCallState.FORWARDING;
    boolean recorded = queueing.callerGoneWhileRecording();
    end();
    if (recorded) {
      return;
    }
    InteractionId id = interaction;
    if (id != null && !handedOn) {
      tell(
          t -> {
            if (bridged) {
              t.callEnded(id, io.tandem.core.interaction.DisconnectedBy.CUSTOMER);
            } else {
              t.customerHungUp(id);
            }
          });
    }
  }

  /** What the domain's events and the agent's call control make the call do. */
  CallerQueueing queueing() {
    return queueing;
  }

  /** Tandem hangs the caller up (BYE) and ends the call. */
  void hangUp() {
    if (state == CarrierCallState.ENDED) {
      return;
    }
    Dialog current = dialog;
    if (current != null) {
      context.endpoint().send(current.via(), current.request("BYE"), SipConstants.IGNORE);
    }
    end();
  }

  /** Ends both legs and forgets the call; nothing is sent to the caller. */
  void end() {
    if (state != CarrierCallState.ENDED) {
      move(CarrierCallState.ENDED);
    }
    invite.stop();
    if (rtpWatch != null) {
      rtpWatch.stop();
    }
    if (session != null) {
      session.stop();
    }
    queueing.stop();
    if (media != null) {
      media.close();
    }
    context.calls().remove(lane(), this);
    InteractionId id = interaction;
    if (id != null) {
      context.calls().unbind(id, this);
    }
  }

  void move(CarrierCallState next) {
    if (!state.canMoveTo(next)) {
      throw new IllegalStateException("call " + lane() + ": " + state + " → " + next);
    }
    state = next;
  }

  /**
   * Runs {@code command} on the tenant's writer; a refusal (the interaction moved on) is logged.
   */
  void tell(Consumer<Tenant> command) {
    tenant
        .tell(command)
        .whenComplete(
            (done, failed) -> {
              if (failed != null) {
                LOG.log(
                    System.Logger.Level.DEBUG,
                    "tenant refused a command of call " + lane(),
                    failed);
              }
            });
  }

  TenantAccess tenant() {
    return tenant;
  }
}
