package io.chainstore.streaming.transfers;

import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Suggestions as records of the service's topic, keyed by SKU (one SKU's stay in order). */
public class SuggestionRecords implements KafkaRecordSerializationSchema<TransferSuggestion> {

  private final String topic;

  public SuggestionRecords(String topic) {
    this.topic = topic;
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(
      TransferSuggestion suggestion, KafkaSinkContext context, Long timestamp) {
    return new ProducerRecord<>(
        topic,
        Long.toString(suggestion.skuId()).getBytes(StandardCharsets.UTF_8),
        suggestion.toJson());
  }
}
