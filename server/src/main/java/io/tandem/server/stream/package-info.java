/**
 * Live streams to clients over Server-Sent Events: a tenant's events as they become durable
 * (resumable from the log with {@code Last-Event-ID}), and its real-time statistics once a second
 * for wallboards.
 *
 * <p>Threading: the {@link io.tandem.server.tenant.EventFeed} hands events to {@link
 * io.tandem.server.stream.EventStreams} on the tenants' writers, which only put them in each
 * client's bounded queue; each client has its own virtual thread that writes to the network, so a
 * slow client never slows a tenant. A client that falls more than its queue behind is disconnected
 * and resumes from the log when it reconnects.
 */
@NullMarked
package io.tandem.server.stream;

import org.jspecify.annotations.NullMarked;
