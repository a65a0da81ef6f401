package io.tandem.emulator.pstn.trunk;

import io.tandem.emulator.directrouting.sip.IncomingResponse;
import io.tandem.emulator.directrouting.sip.ListenPoint;
import io.tandem.emulator.directrouting.sip.OutgoingRequest;
import io.tandem.emulator.pstn.CallerScript;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The carrier's half of one call's SIP dialog as the UAC (RFC 3261 §12.1.2): Call-ID, the From with
 * its tag, the To, the contact center's tag and remote target (its 2xx Contact), the route set (the
 * 2xx's Record-Route, reversed), and the local CSeq. Builds the INVITE, the ACK for a 2xx and
 * in-dialog requests. Confined to the call's serial executor.
 */
final class CarrierDialog {

  final String callId;
  final ListenPoint listenPoint;
  private final String from;
  private final String to;
  private final String contact;
  private String remoteTarget;
  private String remoteTag = "";
  private List<String> routeSet = List.of();
  private long cseq = 1;

  CarrierDialog(
      String callId,
      String from,
      String to,
      String requestUri,
      ListenPoint listenPoint,
      String contact) {
    this.callId = callId;
    this.from = from;
    this.to = to;
    this.remoteTarget = requestUri;
    this.listenPoint = listenPoint;
    this.contact = contact;
  }

  /**
   * The dialog of a new call from {@code script}'s caller over {@code route}: From with the display
   * name and a fresh tag, To and Request-URI for the dialled number, a Contact with the carrier's
   * address (not a host name, so the contact center needs no DNS to reach it).
   */
  static CarrierDialog forCaller(
      String callId,
      CallerScript script,
      String callerUri,
      TrunkRoute route,
      ListenPoint point,
      String address) {
    String tag = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    String display = script.displayName() == null ? "" : "\"" + script.displayName() + "\" ";
    return new CarrierDialog(
        callId,
        display + "<" + callerUri + ">;tag=" + tag,
        route.toHeader(script.to()),
        route.requestUri(script.to()),
        point,
        "<sip:"
            + script.from()
            + "@"
            + address
            + ":"
            + point.port()
            + ";transport="
            + point.transport().token()
            + ">");
  }

  /** The carrier's Contact header value. */
  String contact() {
    return contact;
  }

  /** The initial INVITE (CSeq 1), without body. */
  OutgoingRequest invite() {
    return new OutgoingRequest("INVITE", remoteTarget)
        .header("From", from)
        .header("To", to)
        .header("Call-ID", callId)
        .header("CSeq", "1 INVITE")
        .header("Contact", contact);
  }

  /** Takes the dialog's remote half from a 2xx to the INVITE. */
  void confirm(IncomingResponse ok) {
    remoteTag = ok.toTag();
    ok.header("Contact").ifPresent(value -> remoteTarget = uriOf(value));
    List<String> routes =
        new ArrayList<>(
            ok.headers().stream()
                .filter(h -> h.name().equalsIgnoreCase("Record-Route"))
                .map(h -> h.value())
                .toList());
    Collections.reverse(routes);
    routeSet = List.copyOf(routes);
  }

  /** The ACK for the 2xx to the INVITE (same CSeq number, a new transaction). */
  OutgoingRequest ack() {
    return inDialog("ACK", 1);
  }

  /** An in-dialog request with the next CSeq. */
  OutgoingRequest request(String method) {
    return inDialog(method, ++cseq);
  }

  private OutgoingRequest inDialog(String method, long number) {
    OutgoingRequest request = new OutgoingRequest(method, remoteTarget);
    routeSet.forEach(route -> request.header("Route", route));
    return request
        .header("From", from)
        .header("To", remoteTag.isEmpty() ? to : to + ";tag=" + remoteTag)
        .header("Call-ID", callId)
        .header("CSeq", number + " " + method)
        .header("Contact", contact);
  }

  /** The URI inside a Contact (or Refer-To) header value. */
  static String uriOf(String value) {
    int open = value.indexOf('<');
    int close = value.indexOf('>');
    if (open >= 0 && close > open) {
      return value.substring(open + 1, close);
    }
    int semi = value.indexOf(';');
    return semi < 0 ? value.trim() : value.substring(0, semi).trim();
  }
}
