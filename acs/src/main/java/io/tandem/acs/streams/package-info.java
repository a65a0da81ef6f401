/**
 * The receiving end of the WebSockets that Azure Communication Services opens to Tandem for live
 * transcription and media streaming (MICROSOFT-CONTRACTS §3.6): {@link
 * io.tandem.acs.streams.StreamFrames} turns a JSON text frame into a {@link
 * io.tandem.acs.streams.StreamFrame}, and one {@link io.tandem.acs.streams.TranscriptionSession} or
 * {@link io.tandem.acs.streams.MediaSession} per connection checks the order of the frames and
 * hands them to a {@link io.tandem.acs.streams.TranscriptSink} or {@link
 * io.tandem.acs.streams.MediaSink}.
 *
 * <p>Threading: a session is confined to the thread its WebSocket container delivers one
 * connection's frames on (one frame at a time, in order); sessions of different connections run
 * concurrently, so a sink is called from many threads at once and must be thread-safe. {@link
 * io.tandem.acs.streams.MediaStreamStats} may be read from any thread. Nothing here blocks or reads
 * a clock: frame times are the ones ACS stamps.
 */
@NullMarked
package io.tandem.acs.streams;

import org.jspecify.annotations.NullMarked;
