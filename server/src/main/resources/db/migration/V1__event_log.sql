-- The durable per-tenant event log: every domain event of every tenant, in order.
-- Runs unchanged on H2 2.x and PostgreSQL (keep to types and syntax both share).
--
--   tenant_id    the tenant (TenantId: 1-128 characters)
--   seq          the event's position in its tenant's log: 1, 2, 3 ... without gaps
--   type         the event type, e.g. 'interaction.Offered' (see EventCodec)
--   occurred_at  when it happened (the event's own instant, by the tenant's clock)
--   payload      the event as JSON (ASCII only)
--   recorded_at  when the database stored it
create table tenant_event (
    tenant_id   varchar(128)             not null,
    seq         bigint                   not null,
    type        varchar(100)             not null,
    occurred_at timestamp with time zone not null,
    payload     text                     not null,
    recorded_at timestamp with time zone default current_timestamp not null,
    constraint tenant_event_pk primary key (tenant_id, seq),
    constraint tenant_event_seq_positive check (seq > 0)
);
