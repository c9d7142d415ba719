-- Lip-sync (visual ADR): a character's on-screen performer and the LIP_SYNC model re-drawing their
-- mouth in one language; each shot a LIP_SYNC task altered, with what it changed and how well the
-- picture matches the dub before and after; a shot is a review item of its own.
alter table job_cast_line add column lip_sync_performer_id uuid references performer (id);
alter table job_cast_line add column lip_sync_model_id uuid references ai_model (id);

create table job_altered_shot (
    id                    uuid                        not null primary key,
    job_id                uuid                        not null references dubbing_job (id),
    task_id               uuid                        not null references job_task (id),
    render_round          integer                     not null,
    language              varchar(35)                 not null,
    character_name        varchar(100)                not null,
    start_micros          bigint                      not null,
    end_micros            bigint                      not null,
    reencoded_start_micros bigint                     not null,
    reencoded_end_micros  bigint                      not null,
    first_frame           integer                     not null,
    last_frame            integer                     not null,
    frames_altered        integer                     not null,
    frames_with_face      integer                     not null,
    mouth_x               integer                     not null,
    mouth_y               integer                     not null,
    mouth_w               integer                     not null,
    mouth_h               integer                     not null,
    sync_before           double precision            not null,
    sync_after            double precision            not null,
    model_id              uuid                        not null references ai_model (id),
    model_sha256          varchar(64)                 not null,
    grant_id              uuid,
    performer_id          uuid                        not null references performer (id),
    still_sha256          varchar(64)                 not null,
    quarantined           boolean                     not null,
    created_at            timestamp(6) with time zone not null
);
create index ix_job_altered_shot_job on job_altered_shot (job_id, render_round);
create index ix_job_altered_shot_grant on job_altered_shot (grant_id);

alter table review_item add column shot_id uuid references job_altered_shot (id);

-- one file per task, kind and language: ASSEMBLE makes the programme and one per lip-synced language
-- (the language itself may be null, which a unique constraint would not compare: its key is '' then)
alter table job_deliverable add column language_key varchar(35) default '' not null;
update job_deliverable set language_key = coalesce(language, '');
alter table job_deliverable drop constraint uk_job_deliverable;
alter table job_deliverable add constraint uk_job_deliverable unique (task_id, kind, language_key);
