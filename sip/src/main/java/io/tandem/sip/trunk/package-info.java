/**
 * Which SIP peers may send Tandem calls and where Tandem sends its own: {@link
 * io.tandem.sip.trunk.InboundTrunk inbound trunks} (the carrier or SBC addresses a tenant's calls
 * come from, the numbers they dial, a call-rate limit), {@link
 * io.tandem.sip.trunk.DirectRoutingTrunk Direct Routing trunks} (the tenant's SBC FQDN Tandem
 * presents to Microsoft, the proxies sip/sip2/sip3 in failover order), each with its SRTP mode
 * ({@link io.tandem.sip.sdp.SrtpMode}), and {@link io.tandem.sip.trunk.TrunkPlan} that admits or
 * rejects an INVITE before anything is created.
 *
 * <p>Threading: a plan is immutable once built except for its rate limiters, which are thread-safe;
 * admission runs on SIP lanes.
 */
@NullMarked
package io.tandem.sip.trunk;

import org.jspecify.annotations.NullMarked;
