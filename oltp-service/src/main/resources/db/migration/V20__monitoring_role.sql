-- A key for the metrics scraper: it reads /actuator/prometheus and nothing else.
ALTER TABLE api_keys
    DROP CONSTRAINT api_keys_role_check,
    ADD CONSTRAINT api_keys_role_check CHECK (role IN
        ('storefront', 'pos', 'store_manager', 'hq_analyst', 'hq_admin', 'technician', 'supplier',
         'monitoring'));
