package io.chainstore.oltp.suggestion;

import io.chainstore.oltp.suggestion.SuggestedTransfers.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads the job's transfer suggestions from Kafka on a thread of its own and keeps each once
 * ({@link SuggestedTransfers#record}). Offsets are committed only after the records' transactions
 * committed: at least once from Kafka, exactly one row per suggestion in the table. A record that
 * is not a valid suggestion is logged and skipped; while the database is away the same records are
 * tried again with a growing pause and nothing is committed. Without bootstrap servers it does not
 * start.
 */
@Component
class SuggestionConsumer implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(SuggestionConsumer.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration CLOSE = Duration.ofSeconds(5);
  private static final long FIRST_RETRY_MS = 200;

  private final SuggestedTransfers suggestions;
  private final Map<Outcome, Counter> received = new EnumMap<>(Outcome.class);
  private final String bootstrapServers;
  private final String topic;
  private final String group;
  private final long maxRetryMs;

  private volatile boolean running;
  private volatile KafkaConsumer<String, byte[]> consumer;
  private volatile CountDownLatch stopping = new CountDownLatch(0);
  private Thread thread;

  SuggestionConsumer(
      SuggestedTransfers suggestions,
      MeterRegistry meters,
      @Value("${chainstore.kafka.bootstrap-servers:}") String bootstrapServers,
      @Value("${chainstore.suggestions.topic:chainstore.transfer-suggestions}") String topic,
      @Value("${chainstore.suggestions.group:oltp-service-suggestions}") String group,
      @Value("${chainstore.suggestions.retry-max-ms:10000}") long maxRetryMs) {
    this.suggestions = suggestions;
    this.bootstrapServers = bootstrapServers.strip();
    this.topic = topic;
    this.group = group;
    this.maxRetryMs = Math.max(FIRST_RETRY_MS, maxRetryMs);
    for (Outcome outcome : Outcome.values()) {
      received.put(
          outcome,
          Counter.builder("chainstore.suggestions.received")
              .description("Transfer suggestions read from Kafka, by what became of them")
              .tag("outcome", outcome.tag())
              .register(meters));
    }
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    if (bootstrapServers.isEmpty()) {
      LOG.info("chainstore.kafka.bootstrap-servers is empty: transfer suggestions are not read");
      return;
    }
    running = true;
    stopping = new CountDownLatch(1);
    thread = new Thread(this::run, "transfer-suggestions");
    // Stopped with the context; never what keeps a JVM alive (an interrupted record comes again).
    thread.setDaemon(true);
    thread.start();
    LOG.info("reading transfer suggestions from {} at {} as {}", topic, bootstrapServers, group);
  }

  @Override
  public synchronized void stop() {
    if (!running) {
      return;
    }
    running = false;
    stopping.countDown();
    KafkaConsumer<String, byte[]> current = consumer;
    if (current != null) {
      current.wakeup();
    }
    try {
      thread.join(CLOSE.multipliedBy(3).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void run() {
    long retryMs = FIRST_RETRY_MS;
    while (running) {
      try {
        consume();
      } catch (WakeupException e) {
        // stop() asked
      } catch (RuntimeException e) {
        // A broker or client failure: a new consumer after a pause; uncommitted records come again.
        LOG.warn("transfer suggestions: the Kafka consumer failed; a new one in {} ms", retryMs, e);
        pause(retryMs);
        retryMs = Math.min(retryMs * 2, maxRetryMs);
      }
    }
  }

  private void consume() {
    KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(config());
    try {
      consumer = c;
      if (!running) {
        return;
      }
      c.subscribe(List.of(topic));
      long retryMs = FIRST_RETRY_MS;
      while (running) {
        ConsumerRecords<String, byte[]> records = c.poll(POLL);
        if (records.isEmpty() || handle(c, records)) {
          retryMs = FIRST_RETRY_MS;
        } else {
          pause(retryMs);
          retryMs = Math.min(retryMs * 2, maxRetryMs);
        }
      }
    } finally {
      consumer = null;
      c.close(CloseOptions.timeout(CLOSE));
    }
  }

  /**
   * Keeps the records in order and commits the offsets of those kept. False when the database
   * failed: every partition is rewound to its first record not kept, to be polled again.
   */
  private boolean handle(KafkaConsumer<String, byte[]> c, ConsumerRecords<String, byte[]> records) {
    Map<TopicPartition, OffsetAndMetadata> kept = new HashMap<>();
    boolean complete = true;
    batch:
    for (TopicPartition partition : records.partitions()) {
      for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
        try {
          received.get(keep(record)).increment();
        } catch (WakeupException e) {
          throw e;
        } catch (RuntimeException e) {
          LOG.warn(
              "transfer suggestions: could not keep {}-{}@{} ({}); trying again",
              record.topic(),
              record.partition(),
              record.offset(),
              e.toString());
          complete = false;
          break batch;
        }
        kept.put(partition, new OffsetAndMetadata(record.offset() + 1));
      }
    }
    if (!complete) {
      for (TopicPartition partition : records.partitions()) {
        OffsetAndMetadata next = kept.get(partition);
        c.seek(
            partition, next != null ? next.offset() : records.records(partition).get(0).offset());
      }
    }
    commit(c, kept);
    return complete;
  }

  private Outcome keep(ConsumerRecord<String, byte[]> record) {
    SuggestionMessage message;
    try {
      message = SuggestionMessage.parse(record.value());
    } catch (SuggestionMessage.Invalid e) {
      LOG.warn(
          "transfer suggestions: skipped {}-{}@{} (key {}): {}",
          record.topic(),
          record.partition(),
          record.offset(),
          record.key(),
          e.getMessage());
      return Outcome.INVALID;
    }
    Outcome outcome = suggestions.record(message);
    if (outcome != Outcome.INSERTED) {
      LOG.debug("transfer suggestion {} not kept: {}", message.id(), outcome.tag());
    }
    return outcome;
  }

  private void commit(
      KafkaConsumer<String, byte[]> c, Map<TopicPartition, OffsetAndMetadata> kept) {
    if (kept.isEmpty()) {
      return;
    }
    try {
      c.commitSync(kept);
    } catch (WakeupException e) {
      throw e;
    } catch (KafkaException e) {
      // The rows are committed; the records will come again and be recognised as duplicates.
      LOG.warn("transfer suggestions: offsets not committed ({})", e.toString());
    }
  }

  private void pause(long millis) {
    try {
      stopping.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  private Map<String, Object> config() {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // A new group reads what the job published before the service first started.
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // Suggestions of a job attempt that aborted its transaction never arrive.
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return config;
  }
}
