/**
 * Routing strategies, one class each, chosen per queue in {@link
 * io.tandem.core.routing.strategy.RoutingStrategies}. Stateless; called on the tenant's writer.
 */
@NullMarked
package io.tandem.core.routing.strategy;

import org.jspecify.annotations.NullMarked;
