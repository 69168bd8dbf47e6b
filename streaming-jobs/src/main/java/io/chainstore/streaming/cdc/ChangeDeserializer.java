package io.chainstore.streaming.cdc;

import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Debezium change events from Kafka, decoded per table (the last part of the topic name); records
 * without a row change (tombstones, heartbeats) are skipped.
 */
public class ChangeDeserializer<T> implements KafkaRecordDeserializationSchema<T> {

  private final ChangeDecoder<T> decoder;
  private final TypeInformation<T> type;

  public ChangeDeserializer(ChangeDecoder<T> decoder, TypeInformation<T> type) {
    this.decoder = decoder;
    this.type = type;
  }

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<T> out)
      throws IOException {
    Envelope event = Envelope.parse(record.value());
    if (event == null || event.row() == null) {
      return;
    }
    String topic = record.topic();
    T decoded = decoder.decode(topic.substring(topic.lastIndexOf('.') + 1), event);
    if (decoded != null) {
      out.collect(decoded);
    }
  }

  @Override
  public TypeInformation<T> getProducedType() {
    return type;
  }
}
