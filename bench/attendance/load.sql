-- Bulk data for the meetings-report benchmark: 200 courses with 2 sessions each (600 rooms), 100,000 meetings
-- spread over 2026-01-01 .. 2026-12-01 (every 1000th still open), 10 attendance intervals per meeting
-- (1,000,000 rows) and, when the recordings table exists, a recording for every 10th meeting.
-- Runs on a database migrated by the app (Flyway). Idempotent: does nothing when the data is there.
do $$
declare
    room_ids bigint[];
begin
    if exists (select 1 from course where code = 'BENCH1') then
        raise notice 'bench data already loaded';
        return;
    end if;

    insert into course (code, title)
    select 'BENCH' || g, 'Benchmark course ' || g from generate_series(1, 200) g;
    insert into course_session (course_id, name)
    select c.id, 'Session ' || s from course c cross join generate_series(1, 2) s where c.code like 'BENCH%';
    insert into room (kind, course_id, context_key, name)
    select 'COURSE', c.id, 'bench-course:' || c.id, c.title from course c where c.code like 'BENCH%';
    insert into room (kind, course_id, session_id, context_key, name)
    select 'SESSION', s.course_id, s.id, 'bench-session:' || s.id, s.name
    from course_session s join course c on c.id = s.course_id where c.code like 'BENCH%';

    select array_agg(id order by id) into room_ids from room where context_key like 'bench-%';

    insert into meeting (room_id, bbb_meeting_id, name, state, started_at, ended_at, end_reason, participant_count,
                         moderator_count, max_participants)
    select room_ids[1 + (g * 7919) % array_length(room_ids, 1)],
           'bench-' || g,
           'Benchmark meeting ' || g,
           case when g % 1000 = 0 then 'OPEN' else 'ENDED' end,
           timestamptz '2026-01-01 08:00:00+00' + g * interval '289 seconds',
           case when g % 1000 = 0 then null
                else timestamptz '2026-01-01 08:00:00+00' + g * interval '289 seconds'
                     + interval '30 minutes' + (g % 60) * interval '1 minute' end,
           case when g % 1000 = 0 then null else 'ENDED_BY_MODERATOR' end,
           0, 0, 10
    from generate_series(1, 100000) g;

    insert into attendance_interval (meeting_id, user_id, external_user_id, connection_key, full_name, role,
                                     joined_at, left_at, source)
    select m.id, null, 'bench-user-' || ((m.id * 13 + u) % 5000), 'w_' || m.id || '_' || u, 'Bench User ' || u,
           case when u = 1 then 'MODERATOR' else 'VIEWER' end,
           m.started_at + u * interval '1 minute',
           case when m.ended_at is null then null else m.ended_at - u * interval '30 seconds' end,
           'WEBHOOK'
    from meeting m cross join generate_series(1, 10) u
    where m.bbb_meeting_id like 'bench-%';

    if exists (select 1 from information_schema.columns
               where table_name = 'recording' and column_name = 'meeting_id') then
        execute $sql$
            insert into recording (record_id, meeting_id, room_id, course_id, bbb_meeting_id, name, state, published,
                                   start_time, end_time, duration_minutes, participant_count)
            select 'bench-rec-' || m.id, m.id, m.room_id, r.course_id, m.bbb_meeting_id, m.name, 'published', true,
                   m.started_at, m.ended_at, 30, 10
            from meeting m join room r on r.id = m.room_id
            where m.bbb_meeting_id like 'bench-%' and m.id % 10 = 0 and m.ended_at is not null
        $sql$;
    end if;
end $$;

analyze;
