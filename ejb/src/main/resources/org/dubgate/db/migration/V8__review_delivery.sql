-- QA review, re-render and delivery. A re-render is a new round of the job's work: its tasks,
-- lines, files and checks carry the round they were made in; the newest version of each is current.

alter table dubbing_job add column render_round integer default 0 not null;
alter table job_task add column render_round integer default 0 not null;
alter table job_deliverable add column render_round integer default 0 not null;
-- a file that holds a revoked performance is no longer served: why
alter table job_deliverable add column withheld_reason varchar(500);
alter table cue_output add column render_round integer default 0 not null;
alter table cue_output add column superseded boolean default false not null;
-- what made the line (text, voice and settings, model hash, tempo limit): tells which lines are stale
alter table cue_output add column fingerprint varchar(64);
alter table cue_output add column spoken_text varchar(4000);
-- a reviewer's edits of one cue, kept for its next renders; the script's own text stays beside them
alter table job_cue add column original_text varchar(4000);
alter table job_cue add column rate_percent integer;
alter table job_cue add column pitch_percent integer;
alter table job_cue add column max_tempo double precision;

create table review_item (
    id              uuid                        not null primary key,
    job_id          uuid                        not null references dubbing_job (id),
    render_round    integer                     not null,
    item_kind       varchar(16)                 not null,
    language        varchar(35)                 not null,
    cue_id          varchar(100),
    output_id       uuid                        references cue_output (id),
    check_id        uuid                        references job_check (id),
    character_name  varchar(100),
    start_micros    bigint,
    end_micros      bigint,
    line_text       varchar(4000),
    flags           varchar(300)                not null,
    state           varchar(16)                 not null,
    note            varchar(2000),
    reviewer        varchar(64),
    decided_at      timestamp(6) with time zone,
    edited_text     varchar(4000),
    rate_percent    integer,
    pitch_percent   integer,
    max_tempo       double precision,
    created_at      timestamp(6) with time zone not null,
    version         bigint                      not null
);
-- the QA queue is keyset-paged by id, by state; a job's items are read together at each verdict
create index ix_review_item_state on review_item (state, id);
create index ix_review_item_job on review_item (job_id, id);

create table delivery (
    id               uuid                        not null primary key,
    job_id           uuid                        not null references dubbing_job (id),
    purpose          varchar(8)                  not null,
    state            varchar(16)                 not null,
    manifest_sha256  varchar(64)                 not null,
    manifest_size    bigint                      not null,
    created_by       varchar(64)                 not null,
    created_at       timestamp(6) with time zone not null,
    expires_at       timestamp(6) with time zone,
    recalled_at      timestamp(6) with time zone,
    recall_reason    varchar(2000),
    files_removed_at timestamp(6) with time zone,
    version          bigint                      not null
);
-- a job is delivered once
create unique index uk_delivery_job on delivery (job_id);
create index ix_delivery_expiry on delivery (state, expires_at);

create table delivery_file (
    id              uuid         not null primary key,
    delivery_id     uuid         not null references delivery (id),
    position        integer      not null,
    name            varchar(200) not null,
    file_kind       varchar(16)  not null,
    language        varchar(35),
    content_sha256  varchar(64)  not null,
    size_bytes      bigint       not null,
    crc32           bigint       not null,
    media_type      varchar(64)  not null
);
create unique index uk_delivery_file on delivery_file (delivery_id, position);
create index ix_delivery_file_content on delivery_file (content_sha256);
