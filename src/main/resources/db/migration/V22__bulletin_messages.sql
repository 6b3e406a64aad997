-- R33 R34: a published bulletin is sent to every unit's head (and unit robot) and to the county's leaders
insert into message_recipient_rule (event_type, recipient_role) values
  ('BULLETIN_PUBLISHED', 'ALL_UNIT_HEADS'), ('BULLETIN_PUBLISHED', 'LEADERS');
