/**
 * Agents: identity, profile (skills, languages, capacity per channel), the agent state machine and
 * its events. Immutable values; the live agent is {@link io.tandem.core.routing.Agent}.
 */
@NullMarked
package io.tandem.core.agent;

import org.jspecify.annotations.NullMarked;
