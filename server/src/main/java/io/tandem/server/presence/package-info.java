/**
 * Teams presence for routing: {@link io.tandem.server.presence.TeamsPresenceRouting} follows the
 * Teams presence of a tenant's agents with the Graph adapter's presence feed and tells the tenant
 * each change; {@link io.tandem.server.presence.PresenceNotificationController} is the webhook
 * where Graph posts presence notifications. On whenever {@code tandem.microsoft.enabled=true}. With
 * {@code tandem.microsoft.presence.publish=true}, {@link
 * io.tandem.server.presence.TeamsPresencePublishing} publishes the agents' calls back to Teams.
 *
 * <p>Threading: the webhook runs on Spring's request threads and never blocks on Graph. Following
 * the agents (re-reading them, replacing the feed) runs on one virtual thread; the feed reads Graph
 * on virtual threads and waits for its timers on one platform thread. Every change reaches the
 * tenant through its mailbox ({@code RunningTenant.tell}). Publishing follows the tenant's events
 * on its writer and writes to Graph on virtual threads.
 */
@NullMarked
package io.tandem.server.presence;

import org.jspecify.annotations.NullMarked;
