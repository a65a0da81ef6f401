package io.tandem.acs.client;

import org.jspecify.annotations.Nullable;

/**
 * A call connection as ACS describes it ({@code CallConnectionProperties}): its id, the server call
 * id and correlation id, its state ({@code unknown}, {@code connecting}, {@code connected}, {@code
 * transferring}, {@code transferAccepted}, {@code disconnecting}, {@code disconnected}), and for an
 * answered TPE call the identifier it was answered for.
 */
public record CallConnection(
    String callConnectionId,
    @Nullable String serverCallId,
    @Nullable String correlationId,
    String state,
    @Nullable Identifier answeredFor) {}
