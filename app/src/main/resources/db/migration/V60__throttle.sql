-- Failure counts and temporary locks per key (login per account and per client address; other features may add
-- scopes). Keys are stored as SHA-256 hashes: a typed "username" may well be someone's password.
create table throttle (
    scope        varchar(40) not null,
    key_hash     varchar(64) not null,
    failures     integer     not null,
    last_failure timestamp with time zone not null,
    locked_until timestamp with time zone,
    primary key (scope, key_hash)
);
create index throttle_last_failure on throttle (last_failure);
