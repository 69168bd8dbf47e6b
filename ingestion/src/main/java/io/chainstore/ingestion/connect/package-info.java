/**
 * Debezium's PostgreSQL connector on Kafka Connect with the figures the standalone connector
 * serves: a connector whose task times each change Kafka acknowledged, and a worker REST extension
 * that serves them, with the replication slots' health, at {@code /metrics}. Both come in the
 * connector's plugin directory, so one class loader holds them and they share {@link
 * io.chainstore.ingestion.connect.WorkerCdcMetrics}.
 */
package io.chainstore.ingestion.connect;
