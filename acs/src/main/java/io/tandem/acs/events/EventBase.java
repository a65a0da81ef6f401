package io.tandem.acs.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The fields every mid-call callback carries.
 *
 * @param id the CloudEvent id: a retried callback repeats it
 * @param callConnectionId the call connection the event is about
 * @param serverCallId the call's server id
 * @param correlationId the call's correlation id
 * @param operationContext the context the application gave the operation the event answers
 * @param result the outcome, {@link ResultInformation#NONE} when the event has none
 * @param time when ACS raised the event, if it says
 */
public record EventBase(
    String id,
    String callConnectionId,
    @Nullable String serverCallId,
    @Nullable String correlationId,
    @Nullable String operationContext,
    ResultInformation result,
    @Nullable Instant time) {}
