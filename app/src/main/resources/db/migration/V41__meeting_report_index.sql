-- The admin meetings report pages through meetings newest first with id as the tie-breaker: one index serves
-- both the date range and the order, also at deep offsets.
create index ix_meeting_started_at_id on meeting (started_at, id);
