-- R31, R25: the deadline a co-unit's default limit (working days before it) was counted back from,
-- so that a holiday table arriving later counts it again; null when the lead unit chose the limit,
-- which stays as chosen (and for parts planned before this column, which keep their limit)
alter table case_co_unit_part add column counted_from timestamp(6) with time zone;
