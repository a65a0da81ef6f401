/**
 * The routing engine: {@link io.tandem.core.routing.TenantState} (all live state, changed only by
 * applying events), its index (ready agents in idle order, per-group eligibility bit sets and
 * waiting lines), and {@link io.tandem.core.routing.RoutingEngine}, which decides who gets what.
 *
 * <p>Decision cost: an available agent looks only at the head of each waiting line it is eligible
 * for (one per routing group and skill stage); an arriving interaction walks the ready agents in
 * the order its queue's strategy wants, testing one bit per agent. Threading: owned by the tenant's
 * single writer, not thread-safe.
 */
@NullMarked
package io.tandem.core.routing;

import org.jspecify.annotations.NullMarked;
