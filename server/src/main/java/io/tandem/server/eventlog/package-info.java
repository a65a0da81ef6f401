/**
 * The durable per-tenant event log: {@link io.tandem.server.eventlog.EventLog}, its JDBC
 * implementation on H2 or PostgreSQL, and {@link io.tandem.server.eventlog.EventCodec}, the JSON
 * form of every tenant event.
 *
 * <p>Threading: the codec is immutable and thread-safe. The JDBC log is thread-safe and blocks on
 * the database, so it is called from virtual threads (a tenant's mailbox, start-up); appends for
 * one tenant come from that tenant's single writer, appends for different tenants run concurrently.
 */
@NullMarked
package io.tandem.server.eventlog;

import org.jspecify.annotations.NullMarked;
