-- The members an export-segment run selected, kept until the run completes: the export step
-- reads them in member order, so a restarted run writes the same members as the first attempt
-- even though tags and profiles have changed since.
CREATE TABLE IF NOT EXISTS batch_segment_member (
    job_instance_id bigint         NOT NULL,
    member_id       bigint         NOT NULL,
    total_spend     numeric(18, 2) NOT NULL,
    order_count     bigint         NOT NULL,
    last_order_date date,
    rfm             text           NOT NULL,
    tags            text           NOT NULL,
    PRIMARY KEY (job_instance_id, member_id)
);
