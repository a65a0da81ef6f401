/**
 * Load benchmarks of the Connect path, run by hand outside the test suite: {@link
 * io.tandem.sip.bench.ConnectBench} is one Connect node with one tenant that sends every caller
 * straight to a queue, for SIPp to load from both sides ({@code sip/scripts/tandem-call-rate.sh},
 * {@code sip/scripts/tandem-hold-music.sh}), and {@link io.tandem.sip.bench.MeasuringPacer} is the
 * media pacer that measures how late each 20 ms RTP tick runs.
 *
 * <p>Threading: the node runs as in production (SIP lanes and the tenant's writer on virtual
 * threads, timers and the RTP pacer on one platform thread each); {@link
 * io.tandem.sip.bench.TickLateness} is written by the pacer thread and read by the reporting
 * thread.
 */
@NullMarked
package io.tandem.sip.bench;

import org.jspecify.annotations.NullMarked;
