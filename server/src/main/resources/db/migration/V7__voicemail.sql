-- Voicemail: the messages callers leave in mailboxes, with their audio.
-- Runs unchanged on H2 2.x and PostgreSQL. Deleting a tenant deletes its messages.
--
-- voicemail_message: one row per message
--   id            the message ('vm_' and 24 hex digits)
--   tenant_id     its tenant
--   mailbox       the mailbox the flow or queue named
--   interaction   the interaction of the call it was left on
--   caller        the caller's number (E.164, a Teams id, or 'anonymous')
--   recorded_at   when the recording started
--   duration_ms   how long the audio runs
--   format        the audio's form, e.g. 'audio/wav; rate=16000; bits=16; channels=1'
--   size_bytes    the audio's size (0 once deleted)
--   state         NEW, HEARD or DELETED
--   changed_at    when the state last changed
--   audio         the WAV file; null once deleted
create table voicemail_message (
    id          varchar(27)              not null,
    tenant_id   varchar(128)             not null,
    mailbox     varchar(200)             not null,
    interaction varchar(128)             not null,
    caller      varchar(200)             not null,
    recorded_at timestamp with time zone not null,
    duration_ms bigint                   not null,
    format      varchar(200)             not null,
    size_bytes  bigint                   not null,
    state       varchar(10)              not null,
    changed_at  timestamp with time zone not null,
    audio       bytea,
    constraint voicemail_message_pk primary key (id),
    constraint voicemail_message_tenant_fk foreign key (tenant_id) references tenant (id)
        on delete cascade,
    constraint voicemail_message_state_known check (state in ('NEW', 'HEARD', 'DELETED')),
    constraint voicemail_message_sizes check (duration_ms >= 0 and size_bytes >= 0)
);
create index voicemail_message_by_tenant on voicemail_message (tenant_id, recorded_at, id);
