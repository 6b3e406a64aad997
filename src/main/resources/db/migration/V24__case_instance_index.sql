-- A case and a complaint are found by their process instance where the engine names only the
-- instance: re-timing after a holiday table arrives (each open case with provisional limits, R25)
-- and 督办看板 for the units (the instances the engine lets them see, 500 to a query). Without an
-- index each lookup read the whole table, every year's closed cases with it.
create index ix_case_instance on supervision_case (process_instance_id);
create index ix_complaint_instance on complaint (process_instance_id);
