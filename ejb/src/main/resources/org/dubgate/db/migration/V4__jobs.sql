-- Dubbing jobs, their targets (script cues and cast plan), tasks and synthesized outputs.
create table dubbing_job (
    id                uuid                        not null primary key,
    title_code        varchar(100)                not null,
    source_media_id   uuid                        not null references media_asset (id),
    mne_media_id      uuid references media_asset (id),
    dialogue_media_id uuid references media_asset (id),
    territory         varchar(16)                 not null,
    purpose           varchar(8)                  not null,
    priority          integer                     not null,
    state             varchar(16)                 not null,
    state_reason      varchar(2000),
    gate_check_id     uuid                        not null,
    idempotency_key   varchar(200),
    created_by        varchar(64)                 not null,
    created_at        timestamp(6) with time zone not null,
    updated_at        timestamp(6) with time zone not null,
    version           bigint                      not null,
    constraint uk_dubbing_job_idempotency unique (created_by, idempotency_key)
);

create table job_target (
    id             uuid        not null primary key,
    job_id         uuid        not null references dubbing_job (id),
    language       varchar(35) not null,
    script_format  varchar(16) not null,
    synthesis_done boolean     not null
);
create index ix_job_target_job on job_target (job_id);

create table job_cue (
    id             uuid          not null primary key,
    target_id      uuid          not null references job_target (id),
    cue_id         varchar(100)  not null,
    start_micros   bigint        not null,
    end_micros     bigint        not null,
    character_name varchar(100)  not null,
    text           varchar(4000) not null
);
create index ix_job_cue_target on job_cue (target_id);

create table job_cast_line (
    id                uuid         not null primary key,
    target_id         uuid         not null references job_target (id),
    character_name    varchar(100) not null,
    approach          varchar(16)  not null,
    voice_id          uuid references voice (id),
    dub_stem_media_id uuid references media_asset (id)
);
create index ix_job_cast_line_target on job_cast_line (target_id);

create table job_task (
    id             uuid                        not null primary key,
    job_id         uuid                        not null references dubbing_job (id),
    kind           varchar(16)                 not null,
    language       varchar(35)                 not null,
    character_name varchar(100),
    voice_id       uuid references voice (id),
    cue_ids        varchar(100000)             not null,
    state          varchar(16)                 not null,
    attempts       integer                     not null,
    last_error     varchar(2000),
    updated_at     timestamp(6) with time zone not null,
    version        bigint                      not null
);
create index ix_job_task_job on job_task (job_id, kind, language);

create table cue_output (
    id              uuid                        not null primary key,
    task_id         uuid                        not null references job_task (id),
    job_id          uuid                        not null references dubbing_job (id),
    cue_id          varchar(100)                not null,
    content_sha256  varchar(64)                 not null,
    duration_micros bigint                      not null,
    model_id        uuid                        not null references ai_model (id),
    model_sha256    varchar(64)                 not null,
    grant_id        uuid references consent_grant (id),
    quarantined     boolean                     not null,
    created_at      timestamp(6) with time zone not null,
    constraint uk_cue_output unique (task_id, cue_id)
);
create index ix_cue_output_job on cue_output (job_id);
