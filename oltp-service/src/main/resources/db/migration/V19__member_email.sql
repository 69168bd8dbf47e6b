-- A member's e-mail, optional: marketing exports mask it. The service checks its shape; the
-- database only that it has a local part and an @.
ALTER TABLE members
    ADD COLUMN email text CHECK (email IS NULL OR position('@' in email) > 1);
