/**
 * The emulator's control API: world, journal, scripted users and PSTN calls, for tests and demos.
 */
@NullMarked
package io.tandem.emulator.control;

import org.jspecify.annotations.NullMarked;
