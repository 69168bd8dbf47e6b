-- HQ's targets per store and period (a day, or a month starting on its first day).
CREATE TABLE kpi_targets (
    store_id     bigint         NOT NULL REFERENCES locations (id),
    period_type  text           NOT NULL CHECK (period_type IN ('day', 'month')),
    period_start date           NOT NULL,
    net_sales    numeric(18, 2) NOT NULL CHECK (net_sales >= 0),
    orders       integer        NOT NULL CHECK (orders >= 0),
    new_members  integer        NOT NULL CHECK (new_members >= 0),
    updated_at   timestamptz    NOT NULL DEFAULT now(),
    PRIMARY KEY (store_id, period_type, period_start),
    CONSTRAINT kpi_targets_month_starts_on_the_first
        CHECK (period_type = 'day' OR extract(day FROM period_start) = 1)
);

ALTER TABLE kpi_targets REPLICA IDENTITY FULL;
