package io.tandem.emulator.directrouting;

import io.tandem.emulator.directrouting.sip.IncomingRequest;
import io.tandem.emulator.directrouting.sip.ListenPoint;
import io.tandem.emulator.directrouting.sip.OutgoingRequest;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The emulator's half of one SIP dialog (RFC 3261 §12): Call-ID, local and remote tags and URIs,
 * the remote target (the peer's Contact), the local CSeq, and the listening point it runs on.
 * Builds in-dialog requests. Confined to the call's serial executor.
 */
final class Dialog {

  final String callId;
  final String localTag;
  final String localUri;
  final String remoteUri;
  final ListenPoint listenPoint;
  final String contact;
  volatile String remoteTag;
  volatile String remoteTarget;
  private final AtomicLong cseq;

  Dialog(
      String callId,
      String localTag,
      String localUri,
      String remoteUri,
      String remoteTag,
      String remoteTarget,
      ListenPoint listenPoint,
      String contact,
      long firstCseq) {
    this.callId = callId;
    this.localTag = localTag;
    this.localUri = localUri;
    this.remoteUri = remoteUri;
    this.remoteTag = remoteTag;
    this.remoteTarget = remoteTarget;
    this.listenPoint = listenPoint;
    this.contact = contact;
    this.cseq = new AtomicLong(firstCseq);
  }

  /** The dialog the proxy forms by answering {@code invite} with To-tag {@code localTag}. */
  static Dialog answering(IncomingRequest invite, String localTag) {
    return new Dialog(
        invite.callId(),
        localTag,
        withoutTag(invite.header("To").orElseThrow()),
        withoutTag(invite.header("From").orElseThrow()),
        invite.fromTag(),
        uriOf(invite.headerValues("Contact").get(0)),
        invite.listenPoint(),
        CallServices.contactOf(invite.listenPoint()),
        0);
  }

  /** An in-dialog request with the next CSeq. */
  OutgoingRequest request(String method) {
    return requestWithCseq(method, cseq.incrementAndGet());
  }

  /** An in-dialog request with the given CSeq (ACK reuses the INVITE's). */
  OutgoingRequest requestWithCseq(String method, long number) {
    return new OutgoingRequest(method, remoteTarget)
        .header("From", localUri + ";tag=" + localTag)
        .header("To", remoteUri + (remoteTag.isEmpty() ? "" : ";tag=" + remoteTag))
        .header("Call-ID", callId)
        .header("CSeq", number + " " + method)
        .header("Contact", contact);
  }

  long currentCseq() {
    return cseq.get();
  }

  /** A fresh tag or identifier. */
  static String newTag() {
    return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
  }

  /** A header value without its {@code ;tag=} parameter. */
  static String withoutTag(String headerValue) {
    return headerValue.replaceAll(";\\s*tag=[^;>]*", "");
  }

  /** The URI inside a Contact header value. */
  static String uriOf(String contact) {
    int open = contact.indexOf('<');
    int close = contact.indexOf('>');
    if (open >= 0 && close > open) {
      return contact.substring(open + 1, close);
    }
    int semi = contact.indexOf(';');
    return semi < 0 ? contact.trim() : contact.substring(0, semi).trim();
  }
}
