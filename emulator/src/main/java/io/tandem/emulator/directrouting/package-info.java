/**
 * Teams Direct Routing emulated at the SIP level: Microsoft's SIP proxies ({@code
 * sip/sip2/sip3.pstnhub.microsoft.com}) towards an SBC, with Microsoft's inbound checks and
 * responses, Teams users' calls and transfers, Teams → SBC calls with trunk failover, OPTIONS
 * health both ways, media processors that take only SRTP keyed by SDES (as Microsoft's), and a
 * carrier SIP trunk that delivers scripted PSTN callers to a contact center.
 *
 * <p>Threading: JAIN-SIP's threads hand every message to the Call-ID's serial executor (virtual
 * threads, see {@link io.tandem.emulator.directrouting.sip}); each call object is confined to it,
 * and Teams client callbacks and the emulator's timers (ring timeout, failover, OPTIONS pings) are
 * moved onto it too; the control API (Teams users dialling out, consultative transfers) hands its
 * work to the call's executor as well and only reads a call's state directly. Calls that Teams
 * joins (a forward to the PSTN, a consultative transfer) talk to each other through their
 * executors. All deadlines are on the emulator's {@link io.tandem.emulator.time.Scheduler}. Choices
 * where Microsoft is silent are written down in {@code emulator/docs/direct-routing.md}.
 */
@NullMarked
package io.tandem.emulator.directrouting;

import org.jspecify.annotations.NullMarked;
