package io.tandem.sip.b2bua;

import io.tandem.sip.stack.OutboundRequest;
import io.tandem.sip.trunk.DirectRoutingTrunk;

/**
 * How an outgoing leg addresses what it calls through one next hop, in the dialect of the network
 * behind it: Direct Routing to Teams ({@link DirectRoutingAddress}) or a carrier to the public
 * network ({@link CarrierAddress}).
 */
interface LegAddress {

  /** What is called, as the domain names it (a number, {@code teams:<id>}). */
  String target();

  /** A new dialog (not yet confirmed) of call {@code callId} through {@code hop}. */
  Dialog dialog(String callId, String localTag, DirectRoutingTrunk.Proxy hop);

  /** The next INVITE of {@code dialog}, offering {@code sdp}. */
  OutboundRequest invite(Dialog dialog, String sdp);
}
