/**
 * Interactions: identity, channel, the interaction state machine and its events. Immutable values;
 * the live interaction is {@link io.tandem.core.routing.Interaction}.
 */
@NullMarked
package io.tandem.core.interaction;

import org.jspecify.annotations.NullMarked;
