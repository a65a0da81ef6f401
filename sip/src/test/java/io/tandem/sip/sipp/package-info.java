/**
 * SIPp as a real SIP peer in tests and benchmarks: {@link io.tandem.sip.sipp.Sipp} runs the {@code
 * sipp} binary with a scenario from the test resources {@code sipp/} (carrier UACs towards Tandem,
 * Teams-side UASs behind Direct Routing, and stand-ins for Tandem used to prove the scenarios
 * against each other) and reads back what it reported.
 *
 * <p>Threading: a {@link io.tandem.sip.sipp.Sipp} is configured and started from one thread; a
 * {@link io.tandem.sip.sipp.SippProcess} may be awaited or closed from any thread.
 */
@NullMarked
package io.tandem.sip.sipp;

import org.jspecify.annotations.NullMarked;
