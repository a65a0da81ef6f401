/**
 * The simulated public telephone network: scripted callers, and the terminators (Graph bots, ACS,
 * carrier SIP trunks) that calls to each number reach.
 */
@NullMarked
package io.tandem.emulator.pstn;

import org.jspecify.annotations.NullMarked;
