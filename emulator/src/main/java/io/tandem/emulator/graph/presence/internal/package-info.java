/**
 * Graph plumbing the presence service needs and other Graph areas will share (error shape, token
 * and role checks); kept here until the shared {@code io.tandem.emulator.graph} package exists.
 * Stateless apart from the clock; safe from any thread.
 */
@NullMarked
package io.tandem.emulator.graph.presence.internal;

import org.jspecify.annotations.NullMarked;
