-- Accounts, uploaded media and the token-signing secret. Portable SQL: runs on H2 and PostgreSQL.
create table user_account (
    id                 uuid                        not null primary key,
    username           varchar(64)                 not null,
    password_hash      varchar(255)                not null,
    agency             varchar(128),
    enabled            boolean                     not null,
    tokens_valid_after timestamp(6) with time zone not null,
    created_at         timestamp(6) with time zone not null,
    version            bigint                      not null,
    constraint uk_user_account_username unique (username)
);

create table user_role (
    user_id uuid        not null references user_account (id),
    role    varchar(16) not null,
    primary key (user_id, role)
);

create table media_asset (
    id               uuid                        not null primary key,
    original_name    varchar(512)                not null,
    declared_type    varchar(255)                not null,
    content_sha256   varchar(64)                 not null,
    size_bytes       bigint                      not null,
    state            varchar(16)                 not null,
    state_reason     varchar(2000),
    probe_json       varchar(100000),
    duration_seconds double precision,
    attempts         integer                     not null,
    last_error       varchar(2000),
    uploaded_by      varchar(64)                 not null,
    created_at       timestamp(6) with time zone not null,
    updated_at       timestamp(6) with time zone not null,
    version          bigint                      not null
);
create index ix_media_asset_sha256 on media_asset (content_sha256);

create table server_secret (
    name       varchar(64)                 not null primary key,
    secret     varchar(128)                not null,
    created_at timestamp(6) with time zone not null
);
