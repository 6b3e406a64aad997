-- R28 with R29 and R30: the parent of a leader's instruction names the instructing leader its
-- children carry (before, they took the parent's leader in charge); a feedback sheet keeps the
-- lead unit and responsible person as they were when it was issued, so that a later
-- reassignment does not rewrite a sheet already sent (null: a sheet issued before).

alter table parent_item add column instructing_leader varchar(64);
alter table feedback_sheet add column lead_unit_name varchar(255);
alter table feedback_sheet add column responsible_person_name varchar(255);
