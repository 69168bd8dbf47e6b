package io.chainstore.demo;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Duplicates of change events already in Kafka, appended again as a restarted connector would. */
final class ChangeRedelivery {

  private ChangeRedelivery() {}

  /** Appends the newest {@code perTopic} records of each partition of the topics again. */
  static int resendNewest(String bootstrapServers, List<String> topics, int perTopic) {
    Properties consumerProps = new Properties();
    consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "redelivery-" + UUID.randomUUID());
    consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    Properties producerProps = new Properties();
    producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    int resent = 0;
    try (KafkaConsumer<byte[], byte[]> consumer =
            new KafkaConsumer<>(
                consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        KafkaProducer<byte[], byte[]> producer =
            new KafkaProducer<>(
                producerProps, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (String topic : topics) {
        List<TopicPartition> partitions =
            consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        var ends = consumer.endOffsets(partitions);
        for (TopicPartition partition : partitions) {
          long end = ends.get(partition);
          long from = Math.max(0, end - perTopic);
          consumer.seek(partition, from);
          long position = from;
          // Bounded: a partition whose last offsets hold no record (none here) ends the loop too.
          for (int polls = 0; position < end && polls < 60; polls++) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofSeconds(1))) {
              if (r.offset() < end) {
                producer.send(
                    new ProducerRecord<>(topic, r.partition(), r.key(), r.value(), r.headers()));
                resent++;
              }
              position = Math.max(position, r.offset() + 1);
            }
          }
        }
      }
      producer.flush();
    }
    return resent;
  }
}
