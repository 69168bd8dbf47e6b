-- How many members hold each tag at the end of millisecond ${as_of_ms}: the member tags' query
-- counted.
SELECT tag, count(*) AS members
FROM (${postgres:member_tag}) AS held
GROUP BY tag
