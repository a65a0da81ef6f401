/**
 * Transcripts, recording states and call summaries in the server: {@link
 * io.tandem.server.insight.CallSummaries} summarizes every finished interaction with the configured
 * summarizer (offline extractive, or an OpenAI-compatible chat-completions endpoint) and records
 * the summary on the interaction; {@link io.tandem.server.insight.InteractionInsights} reads
 * transcript, recording and summary out of an interaction's timeline for the API. Keys {@code
 * tandem.summary.*} and {@code tandem.translation.*} (server/README.md).
 *
 * <p>Threading: {@code CallSummaries} hears events on the tenants' writers and only hands them to
 * virtual threads; reading the log, asking the language model and recording the summary (through
 * the tenant's mailbox) happen there, at most {@code tandem.summary.max-concurrent} at a time. The
 * HTTP clients are thread-safe and block the calling (virtual) thread up to their timeout.
 */
@NullMarked
package io.tandem.server.insight;

import org.jspecify.annotations.NullMarked;
