/**
 * The agent app: the page an agent works in ({@code /tenants/{tenant}/agents/{agent}/app}, also a
 * Microsoft Teams tab), and the one read the page needs beyond the public API, the agent's desk
 * ({@code GET /api/v1/tenants/{tenant}/agents/{agent}/desk}): their state with its wrap-up
 * deadline, the offer ringing for them and the interaction they work on, read at one moment.
 *
 * <p>Threading: the controllers run on request threads and read a tenant's state only through its
 * single writer ({@code Actor.ask}, {@code RunningTenant.ask}); they hold no state of their own.
 */
@NullMarked
package io.tandem.server.agentapp;

import org.jspecify.annotations.NullMarked;
