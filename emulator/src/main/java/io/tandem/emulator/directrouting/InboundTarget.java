package io.tandem.emulator.directrouting;

import io.tandem.emulator.world.EmulatedTenant;
import io.tandem.emulator.world.PstnGateway;
import io.tandem.emulator.world.TeamsUser;

/**
 * What the inbound checks found for an SBC's INVITE: the SBC FQDN (from Contact), its tenant, the
 * trunk settings that apply, the called Teams user, the caller's number and the SDP offer.
 */
public record InboundTarget(
    String sbcFqdn,
    EmulatedTenant tenant,
    PstnGateway gateway,
    TeamsUser callee,
    String callerNumber,
    Sdp offer) {}
