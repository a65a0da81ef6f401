/**
 * External presence (Teams availability) as the routing engine sees it. Presence reaches a tenant
 * as a command from a channel adapter (later: Graph presence subscriptions); immutable values.
 */
@NullMarked
package io.tandem.core.presence;

import org.jspecify.annotations.NullMarked;
