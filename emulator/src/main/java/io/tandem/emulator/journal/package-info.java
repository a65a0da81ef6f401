/**
 * The emulator's journal: every call, leg, request and notification in order, read back by tests
 * and scenarios through the control API.
 */
@NullMarked
package io.tandem.emulator.journal;

import org.jspecify.annotations.NullMarked;
