/**
 * The WebSocket endpoints where Azure Communication Services streams a call's live transcription
 * ({@code /api/acs/streams/transcription}) and audio ({@code /api/acs/streams/media}) to Tandem
 * (MICROSOFT-CONTRACTS §3.6): the handshake is refused unless it carries a valid ACS Bearer token
 * (401) and an {@code x-ms-call-connection-id} (400); each text frame then goes through one {@link
 * io.tandem.acs.streams.StreamSession} per connection to the Unify channel's {@link
 * io.tandem.acs.streams.TranscriptSink} or {@link io.tandem.acs.streams.MediaSink}.
 *
 * <p>Threading: the servlet container runs the handshake on a request thread (validating the token
 * may fetch the signing keys once in a while) and delivers one connection's frames one at a time,
 * in order; connections run concurrently. The only shared state is {@link
 * io.tandem.server.unify.streams.OpenStreams} (concurrent maps) and the Micrometer meters.
 */
@NullMarked
package io.tandem.server.unify.streams;

import org.jspecify.annotations.NullMarked;
