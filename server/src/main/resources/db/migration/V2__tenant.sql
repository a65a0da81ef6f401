-- The tenants this deployment serves: one row per tenant, created through the API.
-- Runs unchanged on H2 2.x and PostgreSQL.
--
--   id          the tenant (TenantId: 1-128 characters)
--   name        its display name
--   created_at  when it was created
create table tenant (
    id         varchar(128)             not null,
    name       varchar(200)             not null,
    created_at timestamp with time zone default current_timestamp not null,
    constraint tenant_pk primary key (id)
);

-- Tenants that have events from before this table existed.
insert into tenant (id, name)
select distinct tenant_id, tenant_id from tenant_event;
