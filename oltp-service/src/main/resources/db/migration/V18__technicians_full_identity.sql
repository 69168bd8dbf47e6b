-- Technicians are captured by CDC with the whole row on update and delete, like the other
-- captured tables whose rows the analytics keep.
ALTER TABLE technicians REPLICA IDENTITY FULL;
