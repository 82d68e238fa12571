-- Room kinds and meeting options.
-- Per-room choices that are not plugin or course settings: a session room's own participant limit, whether the next
-- meeting gets breakout rooms from the course groups, a personal room's share token. Null/absent = not set.
create table room_option (
    room_id bigint not null references room (id) on delete cascade,
    name    varchar(60) not null,
    value   varchar(500) not null,
    primary key (room_id, name)
);

-- The presentation a moderator prepared for a room's next meeting (one per room; replaced by a new upload).
-- Sent with create as a <modules> document: inline when small, otherwise as a URL with an unguessable token that
-- BBB downloads from /callbacks/presentations/{token}.
create table room_presentation (
    room_id      bigint primary key references room (id) on delete cascade,
    filename     varchar(200) not null,
    content_type varchar(100) not null,
    size_bytes   bigint not null,
    content      bytea not null,
    token        varchar(64) not null unique,
    uploaded_by  bigint references app_user (id) on delete set null,
    uploaded_at  timestamp with time zone not null default current_timestamp
);
