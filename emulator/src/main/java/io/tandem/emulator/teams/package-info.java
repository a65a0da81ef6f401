/**
 * Simulated Teams clients: each user's client rings, answers, declines, is busy, hangs up,
 * transfers and presses digits as their scripted behaviour says, on the emulator's scheduler.
 * Presence follows the calls through {@link io.tandem.emulator.teams.TeamsActivityListener}.
 */
@NullMarked
package io.tandem.emulator.teams;

import org.jspecify.annotations.NullMarked;
