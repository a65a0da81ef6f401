package io.tandem.emulator.directrouting;

import io.tandem.emulator.directrouting.sip.SipHeader;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Who a Teams → SBC call is from (the Teams user placing it, when one does, and the number) and to,
 * the SBCs to try in order, and the headers each attempt adds for its trunk (P-Asserted-Identity,
 * History-Info).
 */
record OutboundPlan(
    @Nullable String callerUserId,
    String fromNumber,
    String toNumber,
    List<OutboundTrunk> trunks,
    Function<OutboundTrunk, List<SipHeader>> extraHeaders) {}
