-- Automatic QA: each job's delivery profile and loudness, what MIX did to meet it, and the CHECK
-- stage's findings, per language and per line.

alter table dubbing_job add column delivery_profile varchar(16) default 'STREAMING' not null;
alter table dubbing_job add column loudness_target_lufs double precision default -27 not null;
alter table dubbing_job add column true_peak_ceiling_dbtp double precision default -2 not null;
alter table dubbing_job add column match_original_dialogue boolean default false not null;

alter table job_deliverable add column dialogue_gain_db double precision;
alter table job_deliverable add column limiter_reduction_db double precision;

alter table cue_output add column qa_flags varchar(300) default '' not null;

create table job_check (
    id          uuid                        not null primary key,
    job_id      uuid                        not null references dubbing_job (id),
    task_id     uuid                        not null references job_task (id),
    language    varchar(35)                 not null,
    output_id   uuid                        references cue_output (id),
    cue_id      varchar(200),
    check_kind  varchar(32)                 not null,
    figure      double precision,
    unit        varchar(16)                 not null,
    threshold   varchar(80),
    verdict     varchar(8)                  not null,
    detail      varchar(500),
    created_at  timestamp(6) with time zone not null
);
-- the checks list is keyset-paged by id within a job, optionally by verdict; the outputs page asks by output
create index ix_job_check_job on job_check (job_id, id);
create index ix_job_check_output on job_check (output_id);
