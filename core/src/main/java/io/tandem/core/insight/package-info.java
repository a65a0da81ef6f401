/**
 * Insights into an interaction's call, whatever its channel: live transcript segments, the state of
 * its recording, and a summary once it ends, written by a pluggable {@link
 * io.tandem.core.insight.CallSummarizer} (offline: {@link
 * io.tandem.core.insight.ExtractiveSummarizer}); texts are translated through a {@link
 * io.tandem.core.insight.Translator}.
 *
 * <p>Threading: {@link io.tandem.core.insight.InsightCommands} belongs to one tenant and runs on
 * its single writer, like every tenant command. Summarizers and translators may block (an HTTP
 * call) and are never called on a tenant's writer; {@link
 * io.tandem.core.insight.ExtractiveSummarizer} is stateless and thread-safe. Everything else here
 * is an immutable value.
 */
@NullMarked
package io.tandem.core.insight;

import org.jspecify.annotations.NullMarked;
