-- Time-fit per line, the MIX and ASSEMBLE stages and their deliverables.
alter table dubbing_job add column max_tempo double precision default 1.25 not null;
-- BCP 47: the language the source is spoken in, for the original track's tag
alter table dubbing_job add column original_language varchar(35);

alter table job_target add column mixed boolean default false not null;

-- channels of a media asset's first audio stream as probed (0: none), so a job can be checked before it runs
alter table media_asset add column audio_channels integer;

-- ASSEMBLE covers every language of its job and has none of its own
alter table job_task alter column language drop not null;
alter table job_task add column started_at timestamp(6) with time zone;

-- where time-fit placed the line, at which tempo, and the ratio an OVERFLOW line would have needed
alter table cue_output add column placed_start_micros bigint default 0 not null;
alter table cue_output add column tempo double precision default 1.0 not null;
alter table cue_output add column fitted_micros bigint default 0 not null;
alter table cue_output add column borrowed_micros bigint default 0 not null;
alter table cue_output add column overflow_ratio double precision;
alter table cue_output add column engine_micros bigint default 0 not null;

create table job_deliverable (
    id             uuid                        not null primary key,
    job_id         uuid                        not null references dubbing_job (id),
    task_id        uuid                        not null references job_task (id),
    kind           varchar(16)                 not null,
    language       varchar(35),
    content_sha256 varchar(64)                 not null,
    size_bytes     bigint                      not null,
    method         varchar(200),
    flags          varchar(200)                not null,
    created_at     timestamp(6) with time zone not null,
    constraint uk_job_deliverable unique (task_id, kind)
);
create index ix_job_deliverable_job on job_deliverable (job_id);
