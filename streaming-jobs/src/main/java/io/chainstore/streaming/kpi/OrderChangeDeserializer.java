package io.chainstore.streaming.kpi;

import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Debezium order events from Kafka; records without a row (tombstones) are skipped. */
public class OrderChangeDeserializer implements KafkaRecordDeserializationSchema<OrderChange> {

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<OrderChange> out)
      throws IOException {
    OrderChange change = DebeziumOrderParser.parse(record.value());
    if (change != null) {
      out.collect(change);
    }
  }

  @Override
  public TypeInformation<OrderChange> getProducedType() {
    return TypeInformation.of(OrderChange.class);
  }
}
