package io.chainstore.streaming.cdc;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The connector's heartbeats: the time each was sent. They move event time on when no table
 * changes, so that time-based rules (a member lapsing) still fire in a quiet night.
 */
public class HeartbeatDeserializer implements KafkaRecordDeserializationSchema<Long> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Long> out)
      throws IOException {
    if (record.value() != null) {
      long at = JSON.readTree(record.value()).path("ts_ms").asLong(0);
      if (at > 0) {
        out.collect(at);
      }
    }
  }

  @Override
  public TypeInformation<Long> getProducedType() {
    return Types.LONG;
  }
}
