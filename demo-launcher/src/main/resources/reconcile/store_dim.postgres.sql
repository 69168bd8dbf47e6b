SELECT id AS store_id, code, name, kind, time_zone, latitude, longitude
FROM locations
