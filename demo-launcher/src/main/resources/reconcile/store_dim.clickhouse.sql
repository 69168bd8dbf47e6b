SELECT store_id, code, name, kind, time_zone, latitude, longitude
FROM store_dim FINAL
WHERE deleted = 0
