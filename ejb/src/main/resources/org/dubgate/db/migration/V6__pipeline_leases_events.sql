-- The pipeline in one place: the fan-in is "no open task feeding this scope", so the per-stage flags
-- go; tasks carry a lease; progress events are kept for resuming streams; read paths count cues
-- without loading them.

-- what a progress view shows, without reading every cue
alter table job_task add column cue_count integer default 0 not null;
update job_task set cue_count = case when cue_ids = '' then 0
    else length(cue_ids) - length(replace(cue_ids, chr(10), '')) + 1 end;
alter table job_target add column cue_count integer default 0 not null;
update job_target set cue_count = (select count(*) from job_cue c where c.target_id = job_target.id);

-- stages made "when fed" exist once per scope: the database refuses a second one
alter table job_task add column fan_in_key varchar(60);
update job_task set fan_in_key = kind || '/' || coalesce(language, '*') where kind in ('MIX', 'ASSEMBLE');
alter table job_task add constraint uk_job_task_fan_in unique (job_id, fan_in_key);

-- leases: who runs a task and until when, renewed while it works
alter table job_task add column worker varchar(200);
alter table job_task add column lease_until timestamp(6) with time zone;
create index ix_job_task_state on job_task (state, lease_until);

alter table job_target drop column synthesis_done;
alter table job_target drop column mixed;

-- progress events, numbered per job under its row lock
alter table dubbing_job add column event_count bigint default 0 not null;
create table job_event (
    id         uuid                        not null primary key,
    job_id     uuid                        not null references dubbing_job (id),
    seq        bigint                      not null,
    type       varchar(24)                 not null,
    task_id    uuid,
    payload    varchar(4000)               not null,
    created_at timestamp(6) with time zone not null,
    constraint uk_job_event unique (job_id, seq)
);

-- the job list: newest first, filtered by state or title
create index ix_dubbing_job_created on dubbing_job (created_at, id);
create index ix_dubbing_job_title on dubbing_job (title_code, created_at);
