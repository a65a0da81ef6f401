/**
 * The tenant event contract: every state change is a {@link io.tandem.core.event.TenantEvent}. The
 * concrete events live with their feature ({@code AgentEvent}, {@code InteractionEvent}, {@code
 * QueueEvent}). Immutable values.
 */
@NullMarked
package io.tandem.core.event;

import org.jspecify.annotations.NullMarked;
