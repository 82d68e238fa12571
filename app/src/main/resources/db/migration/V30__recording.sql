-- Recordings index: what BBB has recorded for Aula's meetings, kept in Aula's database so that pages never ask BBB.
-- Filled by the verified recording-ready callback and by the reconciliation job. No foreign keys to course, room or
-- meeting on purpose: when a course is deleted its rows here must survive long enough to delete the recordings in
-- BBB too (the course-deleted listener removes them afterwards).

-- Meetings created with record=true: the only meetings the reconciliation asks BBB about.
create table recording_meeting (
    meeting_id     bigint primary key,          -- meeting.id
    bbb_meeting_id varchar(100) not null unique,
    room_id        bigint not null,
    course_id      bigint,
    started_at     timestamp with time zone not null,
    ended_at       timestamp with time zone
);
create index ix_recording_meeting_course on recording_meeting (course_id);

-- Recorded meetings that existed before this table.
insert into recording_meeting (meeting_id, bbb_meeting_id, room_id, course_id, started_at, ended_at)
select m.id, m.bbb_meeting_id, m.room_id, r.course_id, m.started_at, m.ended_at
from meeting m join room r on r.id = m.room_id
where m.record;

create table recording (
    record_id         varchar(200) primary key,  -- BBB recordID (the internal meeting id of the recorded session)
    meeting_id        bigint not null,           -- meeting.id
    room_id           bigint not null,
    course_id         bigint,
    bbb_meeting_id    varchar(100) not null,
    name              varchar(256) not null,
    description       text,
    state             varchar(20) not null,      -- processing, processed, published, unpublished
    published         boolean not null,
    start_time        timestamp with time zone,
    end_time          timestamp with time zone,
    duration_minutes  integer not null default 0,
    participant_count integer not null default 0,
    raw_size          bigint not null default 0,
    updated_at        timestamp with time zone not null default current_timestamp
);
-- The tool page lists a room's recordings newest first, a page at a time.
create index ix_recording_room on recording (room_id, start_time desc, record_id);
create index ix_recording_course on recording (course_id);
create index ix_recording_meeting on recording (meeting_id);
create index ix_recording_end on recording (end_time);

-- One row per playback format (presentation, video, podcast, screenshare...). previews: JSON array of
-- {"url","alt","width","height"}.
create table recording_format (
    record_id      varchar(200) not null references recording (record_id) on delete cascade,
    type           varchar(40) not null,
    url            varchar(2000) not null,
    length_minutes integer not null default 0,
    size           bigint not null default 0,
    previews       text,
    primary key (record_id, type)
);
