package io.chainstore.ingestion;

import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Hands each batch of change events to Kafka and marks it processed only after every record is
 * acknowledged, so an offset is never committed ahead of Kafka (at-least-once; consumers are
 * idempotent).
 */
final class KafkaForwarder
    implements DebeziumEngine.ChangeConsumer<ChangeEvent<String, String>>, AutoCloseable {

  private final KafkaProducer<String, String> producer;
  private final CdcMetrics metrics;

  KafkaForwarder(String bootstrapServers, CdcMetrics metrics) {
    this.metrics = metrics;
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    // Change events are verbose JSON: a backfill of tens of millions of rows fills disks without
    // it.
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    this.producer = new KafkaProducer<>(props);
  }

  @Override
  public void handleBatch(
      List<ChangeEvent<String, String>> records,
      DebeziumEngine.RecordCommitter<ChangeEvent<String, String>> committer)
      throws InterruptedException {
    List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
    for (ChangeEvent<String, String> record : records) {
      // Tombstones after deletes carry nothing a consumer of ours needs; compaction is not used.
      if (record.value() != null) {
        sent.add(
            producer.send(
                new ProducerRecord<>(record.destination(), record.key(), record.value())));
      }
    }
    for (Future<RecordMetadata> ack : sent) {
      try {
        ack.get();
      } catch (ExecutionException e) {
        throw new IllegalStateException("Kafka rejected a change event", e.getCause());
      }
    }
    long acked = System.currentTimeMillis();
    for (ChangeEvent<String, String> record : records) {
      if (record.value() != null) {
        metrics.forwarded(record.destination(), record.value(), acked);
      }
      committer.markProcessed(record);
    }
    committer.markBatchFinished();
  }

  @Override
  public void close() {
    producer.close();
  }
}
