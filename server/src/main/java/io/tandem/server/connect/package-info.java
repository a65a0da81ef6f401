/**
 * The Connect model in the server: Tandem as the SBC of a Microsoft 365 tenant's Direct Routing.
 * {@link io.tandem.server.connect.ConnectChannel} runs the {@code sip} module's {@link
 * io.tandem.sip.b2bua.ConnectNode}: carrier trunks deliver callers to Tandem's SIP port, Tandem
 * answers them with its own media (entry flow, queue music) and rings the offered agent's Teams
 * number through Microsoft's SIP proxies. {@link io.tandem.server.connect.ConnectProperties} holds
 * the {@code tandem.sip.*} keys, validated when the application starts.
 *
 * <p>Threading: the node runs SIP on its own lanes, RTP pacing on one dedicated thread, and reaches
 * a tenant only through its mailbox ({@code ask}/{@code tell}); its listener is added to a tenant
 * once, on the first call for that tenant (the demo creates its tenant after start-up).
 */
@NullMarked
package io.tandem.server.connect;

import org.jspecify.annotations.NullMarked;
