/**
 * Virtual-assistant (IVR) flows: flows as data, their validation when loaded, and their
 * interpreter.
 *
 * <p>A {@link io.tandem.core.flow.Flow} is a map of {@link io.tandem.core.flow.FlowNode}s (play,
 * menu, collect digits, check hours, set attributes, HTTP lookup, route to queue, transfer to a
 * number, voicemail, offer a callback, hang up), each with explicit exits to other nodes. Flows are
 * written in YAML or JSON and mapped onto these records at the edge (in {@code server}); this
 * package parses nothing. {@link io.tandem.core.flow.FlowValidator} rejects a flow that cannot run,
 * naming every problem's node and field, and returns the {@link io.tandem.core.flow.ValidatedFlow}
 * that a {@link io.tandem.core.flow.FlowRun} requires. A run drives one interaction through the
 * flow by way of three ports: {@link io.tandem.core.flow.FlowMedia} (play and collect, implemented
 * by every channel), {@link io.tandem.core.flow.DataLookup} (HTTP) and {@link
 * io.tandem.core.flow.FlowDecisions} (what the domain must do). What other features must not use
 * lives in {@code flow.internal}.
 *
 * <p>Threading: flows, nodes and validated flows are immutable and may be shared between threads. A
 * {@code FlowRun} is confined to its tenant's single-writer mailbox: every call into it, from
 * {@code start()} to each result, happens on that one logical thread, so it takes no locks. It
 * never blocks and never calls back into itself: its ports return at once and deliver results later
 * by posting them to the mailbox, which calls the run's {@code on…} methods. Time comes from an
 * injected {@link java.time.Clock}; timeouts of input and lookups are kept by the media engine and
 * the lookup adapter, which report them as results.
 */
@NullMarked
package io.tandem.core.flow;

import org.jspecify.annotations.NullMarked;
