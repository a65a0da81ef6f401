package io.tandem.sip.b2bua;

import io.tandem.core.time.Timer;
import io.tandem.sip.sdp.SrtpMode;
import io.tandem.sip.stack.InboundRequest;
import io.tandem.sip.stack.SentResponse;
import io.tandem.sip.stack.SipHeader;
import io.tandem.sip.stack.SipUri;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The caller's INVITE and Tandem's answer to it: 100 Trying, the leg's media from the offer (or
 * Tandem's offer in the 200 when the INVITE has none, the answer then coming in the ACK), the 200
 * retransmitted at T1, 2·T1 … T2 until the ACK (RFC 3261 §13.3.1.4), and what the INVITE says (the
 * caller's and the dialled number, the Contact to answer with). Runs on the call's lane.
 */
final class CallerInvite {

  private static final System.Logger LOG = System.getLogger(CallerInvite.class.getName());
  private static final Duration T1 = Duration.ofMillis(500);
  private static final Duration T2 = Duration.ofSeconds(4);

  private final ConnectContext context;
  private final InboundRequest invite;
  private final String localTag;
  private SentResponse ok = SentResponse.NONE;
  private Timer retransmission = Timer.NONE;
  private boolean offerInAck;
  private boolean acked;
  private boolean stopped;

  CallerInvite(ConnectContext context, InboundRequest invite, String localTag) {
    this.context = context;
    this.invite = invite;
    this.localTag = localTag;
  }

  InboundRequest request() {
    return invite;
  }

  /**
   * Sends 100 and sets up the leg's media as the trunk's {@code srtp} allows; a refused offer is
   * answered (400, 488 or 503 with a {@code Warning}) and gives null.
   */
  @Nullable LegMedia acceptMedia(SrtpMode srtp) {
    return acceptMedia(srtp, false);
  }

  /** Like {@link #acceptMedia(SrtpMode)}, as an ICE-lite agent when {@code iceLite}. */
  @Nullable LegMedia acceptMedia(SrtpMode srtp, boolean iceLite) {
    invite.respond(100, "Trying", "", List.of());
    try {
      offerInAck = invite.body().length == 0;
      return offerInAck
          ? context.media().offer(srtp, iceLite)
          : context.media().answer(invite.bodyText(), srtp, iceLite);
    } catch (MediaRefusedException refused) {
      invite.respond(
          refused.status(),
          switch (refused.status()) {
            case 488 -> "Not Acceptable Here";
            case 503 -> "Service Unavailable";
            default -> "Bad Request";
          },
          localTag,
          List.of(SipHeader.of("Warning", "399 tandem \"" + refused.getMessage() + "\"")));
      return null;
    }
  }

  /**
   * Sends the 200 with {@code media}'s SDP and the {@code extra} headers (the session timer's);
   * {@code noAck} runs if no ACK comes within 64·T1.
   */
  void answer(LegMedia media, String contact, List<SipHeader> extra, Runnable noAck) {
    List<SipHeader> headers = new java.util.ArrayList<>();
    headers.add(SipConstants.contact(contact));
    headers.add(SipHeader.of("Allow", SipConstants.ALLOW));
    headers.add(SipHeader.of("Supported", "replaces, timer"));
    headers.addAll(extra);
    ok = invite.respond(200, "OK", localTag, headers, media.localSdp(), "application/sdp");
    retransmit(T1, Duration.ZERO, noAck);
  }

  private void retransmit(Duration interval, Duration waited, Runnable noAck) {
    if (waited.compareTo(T1.multipliedBy(64)) >= 0) {
      LOG.log(
          System.Logger.Level.WARNING,
          "no ACK for the 200 of call {0}: hanging up",
          invite.callId());
      noAck.run();
      return;
    }
    retransmission =
        context.after(
            interval,
            invite.callId(),
            () -> {
              if (!acked && !stopped) {
                ok.retransmit();
                Duration next = interval.multipliedBy(2);
                retransmit(next.compareTo(T2) > 0 ? T2 : next, waited.plus(interval), noAck);
              }
            });
  }

  /**
   * The ACK of the 200: the retransmissions stop, and a delayed offer's answer is taken from it.
   * Later ACKs (retransmissions) do nothing.
   *
   * @throws MediaRefusedException when the answer in the ACK is unusable
   */
  void acked(InboundRequest ack, LegMedia media) throws MediaRefusedException {
    if (acked) {
      return;
    }
    acked = true;
    retransmission.cancel();
    if (offerInAck) {
      media.answered(ack.bodyText());
    }
  }

  /** No more retransmissions of the 200. */
  void stop() {
    stopped = true;
    retransmission.cancel();
  }

  /** Whether {@code request} is this INVITE again (a retransmission past the transaction). */
  boolean isRepeatedBy(InboundRequest request) {
    return request.cseq() == invite.cseq();
  }

  /** The caller's number: the user part of From, else {@code anonymous}. */
  String callerNumber() {
    try {
      String user = invite.from().sipUri().user();
      return user == null || user.isBlank() ? "anonymous" : user;
    } catch (IllegalArgumentException notSip) {
      return "anonymous";
    }
  }

  /** The dialled number: the Request-URI's user part, else the whole Request-URI. */
  String dialedNumber() {
    try {
      String user = SipUri.parse(invite.requestUri()).user();
      return user == null ? invite.requestUri() : user;
    } catch (IllegalArgumentException notSip) {
      return invite.requestUri();
    }
  }

  /** Tandem's Contact for the caller's dialog: the endpoint's address on the arrival point. */
  String contact() {
    var point = invite.arrivedOn();
    return "<sip:tandem@"
        + context.endpoint().address()
        + ":"
        + point.port()
        + ";transport="
        + point.transport().token()
        + ">";
  }
}
