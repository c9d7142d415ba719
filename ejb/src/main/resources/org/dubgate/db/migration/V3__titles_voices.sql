-- Titles (named by code in grants and approvals) and voices (a performer's or a stock voice on a model).
create table title (
    id         uuid                        not null primary key,
    code       varchar(100)                not null,
    name       varchar(300)                not null,
    created_by varchar(64)                 not null,
    created_at timestamp(6) with time zone not null,
    version    bigint                      not null,
    constraint uk_title_code unique (code)
);

create table voice (
    id            uuid                        not null primary key,
    name          varchar(200)                not null,
    model_id      uuid                        not null references ai_model (id),
    performer_id  uuid references performer (id),
    engine_voice  varchar(64),
    pitch_percent integer                     not null,
    rate_percent  integer                     not null,
    created_by    varchar(64)                 not null,
    created_at    timestamp(6) with time zone not null,
    version       bigint                      not null
);
