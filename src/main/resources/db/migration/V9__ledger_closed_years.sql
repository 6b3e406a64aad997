-- R20: the ledger keeps its own register of closed years (a published assessment year takes no
-- more entries; what is booked for it later counts in the year it is booked in), so that the
-- ledger needs nothing of the assessment that reads it.
create table ledger_closed_year (
  score_year integer primary key,
  closed_at timestamp(6) with time zone not null,
  closed_by varchar(64)
);

insert into ledger_closed_year (score_year, closed_at, closed_by)
  select assessment_year, published_at, published_by from assessment_year where published_at is not null;
