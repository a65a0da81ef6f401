package io.tandem.sip.b2bua;

import io.tandem.sip.stack.InboundRequest;
import io.tandem.sip.stack.InboundResponse;
import io.tandem.sip.stack.ListenPoint;
import io.tandem.sip.stack.NameAddress;
import io.tandem.sip.stack.OutboundRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * One SIP dialog of a leg (RFC 3261 §12): Call-ID, tags, the parties' URIs, the remote target and
 * route set, and the local CSeq. Builds the leg's in-dialog requests. Changed only on its call's
 * lane.
 */
final class Dialog {

  private final String callId;
  private final String localTag;
  private final String localUri;
  private final String remoteUri;
  private final ListenPoint via;
  private final String contact;
  private String remoteTag;
  private String remoteTarget;
  private List<String> routeSet;
  private long localCseq;

  private Dialog(
      String callId,
      String localTag,
      String remoteTag,
      String localUri,
      String remoteUri,
      String remoteTarget,
      List<String> routeSet,
      ListenPoint via,
      String contact,
      long localCseq) {
    this.callId = callId;
    this.localTag = localTag;
    this.remoteTag = remoteTag;
    this.localUri = localUri;
    this.remoteUri = remoteUri;
    this.remoteTarget = remoteTarget;
    this.routeSet = List.copyOf(routeSet);
    this.via = via;
    this.contact = contact;
    this.localCseq = localCseq;
  }

  /** The dialog a UAS forms with the INVITE it answers (route set as Record-Route lists it). */
  static Dialog answering(InboundRequest invite, String localTag, String contact) {
    return new Dialog(
        invite.callId(),
        localTag,
        invite.from().tag(),
        invite.to().uri(),
        invite.from().uri(),
        invite
            .header("Contact")
            .map(NameAddress::parse)
            .map(NameAddress::uri)
            .orElse(invite.from().uri()),
        invite.headerValues("Record-Route"),
        invite.arrivedOn(),
        contact,
        0);
  }

  /** The early dialog of an INVITE Tandem sends; the remote tag comes with the answer. */
  static Dialog calling(
      String callId,
      String localTag,
      String localUri,
      String remoteUri,
      String requestUri,
      ListenPoint via,
      String contact) {
    return new Dialog(
        callId, localTag, "", localUri, remoteUri, requestUri, List.of(), via, contact, 0);
  }

  /** Confirms a calling dialog with the 2xx: the remote tag, target and route set (reversed). */
  void confirm(InboundResponse answer) {
    remoteTag = answer.toTag();
    answer
        .header("Contact")
        .map(NameAddress::parse)
        .ifPresent(target -> remoteTarget = target.uri());
    List<String> routes = new ArrayList<>(answer.headerValues("Record-Route"));
    java.util.Collections.reverse(routes);
    routeSet = List.copyOf(routes);
  }

  /** A new in-dialog request with the next CSeq (ACK uses {@link #ack(long)}). */
  OutboundRequest request(String method) {
    localCseq++;
    return build(method, localCseq);
  }

  /** The ACK of the 2xx to the INVITE of CSeq {@code inviteCseq}. */
  OutboundRequest ack(long inviteCseq) {
    return build("ACK", inviteCseq);
  }

  private OutboundRequest build(String method, long cseq) {
    OutboundRequest request = new OutboundRequest(method, remoteTarget);
    for (String route : routeSet) {
      request.header("Route", route);
    }
    return request
        .header("Max-Forwards", "70")
        .header("From", "<" + localUri + ">;tag=" + localTag)
        .header("To", "<" + remoteUri + ">" + (remoteTag.isEmpty() ? "" : ";tag=" + remoteTag))
        .header("Call-ID", callId)
        .header("CSeq", cseq + " " + method)
        .header("Contact", contact);
  }

  /** Whether {@code request} belongs to this dialog (its From tag is the remote tag). */
  boolean owns(InboundRequest request) {
    return request.callId().equals(callId) && request.from().tag().equals(remoteTag);
  }

  String callId() {
    return callId;
  }

  String localTag() {
    return localTag;
  }

  String remoteTag() {
    return remoteTag;
  }

  ListenPoint via() {
    return via;
  }

  String contact() {
    return contact;
  }

  long localCseq() {
    return localCseq;
  }

  /**
   * Numbers this dialog's next request after {@code cseq}, an earlier request of the same Call-ID
   * and From tag: an INVITE retried at another proxy counts on (RFC 3261 §8.1.3.5), and a dialog
   * formed by an answer to an earlier INVITE sends its BYE after that INVITE's CSeq.
   */
  void countOnFrom(long cseq) {
    localCseq = Math.max(localCseq, cseq);
  }
}
