-- Performers, consent grants with their evidence, written approvals, the model registry and the
-- hash-chained audit ledger. Sets of codes are stored as sorted comma-separated text (see StringSetConverter).
create table performer (
    id                    uuid                        not null primary key,
    agency                varchar(128)                not null,
    legal_name            varchar(200)                not null,
    stage_name            varchar(200),
    deceased              boolean                     not null,
    estate_representative varchar(200),
    created_at            timestamp(6) with time zone not null,
    updated_at            timestamp(6) with time zone not null,
    version               bigint                      not null
);
create index ix_performer_agency on performer (agency, id);

create table evidence_document (
    id             uuid                        not null primary key,
    agency         varchar(128)                not null,
    content_sha256 varchar(64)                 not null,
    media_type     varchar(64)                 not null,
    size_bytes     bigint                      not null,
    original_name  varchar(512)                not null,
    uploaded_by    varchar(64)                 not null,
    created_at     timestamp(6) with time zone not null
);

create table consent_grant (
    id                     uuid                        not null primary key,
    performer_id           uuid                        not null references performer (id),
    agency                 varchar(128)                not null,
    uses                   varchar(64)                 not null,
    titles                 varchar(4000)               not null,
    languages              varchar(2000)               not null,
    territories            varchar(2000)               not null,
    purposes               varchar(32)                 not null,
    valid_from             timestamp(6) with time zone not null,
    valid_until            timestamp(6) with time zone not null,
    description            varchar(4000)               not null,
    evidence_id            uuid                        not null references evidence_document (id),
    evidence_sha256        varchar(64)                 not null,
    compensation_reference varchar(200)                not null,
    estate_grant           boolean                     not null,
    signed_by              varchar(200)                not null,
    recorded_by            varchar(64)                 not null,
    recorded_at            timestamp(6) with time zone not null,
    revoked                boolean                     not null,
    revoked_at             timestamp(6) with time zone,
    revoked_by             varchar(64),
    revocation_reason      varchar(2000),
    version                bigint                      not null
);
create index ix_consent_grant_performer on consent_grant (performer_id);

create table written_approval (
    id                uuid                        not null primary key,
    escalation        varchar(32)                 not null,
    subject           varchar(200),
    title_code        varchar(100),
    job_id            uuid,
    text              varchar(4000)               not null,
    valid_until       timestamp(6) with time zone not null,
    approved_by       varchar(64)                 not null,
    approved_at       timestamp(6) with time zone not null,
    revoked           boolean                     not null,
    revoked_at        timestamp(6) with time zone,
    revocation_reason varchar(2000),
    version           bigint                      not null
);
create index ix_written_approval_title on written_approval (title_code);
create index ix_written_approval_job on written_approval (job_id);

create table ai_model (
    id                     uuid                        not null primary key,
    name                   varchar(200)                not null,
    kind                   varchar(16)                 not null,
    engine                 varchar(100)                not null,
    model_version          varchar(100)                not null,
    artifact_location      varchar(1000)               not null,
    artifact_sha256        varchar(64)                 not null,
    licence                varchar(200)                not null,
    training_data          varchar(4000)               not null,
    training_data_licensed boolean                     not null,
    stores_inputs          boolean                     not null,
    trains_on_inputs       boolean                     not null,
    execution_site         varchar(32)                 not null,
    status                 varchar(16)                 not null,
    decided_by             varchar(64),
    decided_at             timestamp(6) with time zone,
    decision_note          varchar(2000),
    override_approval_id   uuid,
    registered_by          varchar(64)                 not null,
    registered_at          timestamp(6) with time zone not null,
    version                bigint                      not null
);

create table audit_entry (
    seq          bigint                      not null primary key,
    at           timestamp(6) with time zone not null,
    actor        varchar(64)                 not null,
    action       varchar(64)                 not null,
    subject_type varchar(64)                 not null,
    subject_id   varchar(64)                 not null,
    performer_id uuid,
    agency       varchar(128),
    decision     varchar(64)                 not null,
    detail       varchar(100000)             not null,
    prev_hash    varchar(64)                 not null,
    hash         varchar(64)                 not null
);
create index ix_audit_entry_performer on audit_entry (performer_id, seq);
create index ix_audit_entry_subject on audit_entry (subject_id, seq);

create table audit_head (
    id        integer     not null primary key,
    last_seq  bigint      not null,
    last_hash varchar(64) not null
);
insert into audit_head (id, last_seq, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
