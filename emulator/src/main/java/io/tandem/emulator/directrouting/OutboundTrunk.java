package io.tandem.emulator.directrouting;

import io.tandem.emulator.world.PstnGateway;

/**
 * One SBC a Teams → SBC call may be sent to: the FQDN the voice route names (a tenant's own gateway
 * or a carrier's derived trunk), the gateway whose settings apply (port, failover, PAI, history),
 * and whether the SBC was healthy (OPTIONS within three minutes) when the order was made.
 */
record OutboundTrunk(String fqdn, PstnGateway gateway, boolean healthy) {

  /** Whether a final response with {@code status} moves the call on to the next SBC. */
  boolean failsOverOn(int status) {
    return status != 603 && gateway.failoverResponseCodes().contains(status);
  }
}
