-- 督办看板 counts and lists the open cases with queries (for those who read every case): by their
-- state, so that the database reads the open ones, not every year's closed ones, and the overdue
-- ones by their deadline (the index on the level, V1, has the state second and serves neither).
create index ix_case_status_deadline on supervision_case (status, deadline_at);
