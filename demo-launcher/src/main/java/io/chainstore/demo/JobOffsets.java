package io.chainstore.demo;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether the streaming jobs have read what Kafka held at a moment: each job's consumer group
 * commits its offsets when a checkpoint completes, that is once its sinks have flushed everything
 * before it. Quiet tables alone do not tell: a job busy with a large backlog of timers can go a
 * while without writing and still be behind.
 */
final class JobOffsets implements AutoCloseable {

  private final Admin admin;
  private final List<String> groups;

  /** The consumer group a job commits to by default (streaming-jobs' {@code --group-id}). */
  static String consumerGroup(String job) {
    return "chainstore-" + job;
  }

  JobOffsets(String bootstrapServers, List<String> groups) {
    this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    this.groups = groups;
  }

  /**
   * The end offset of every partition the groups have committed to, as of now; empty while a group
   * has not committed yet (before its job's first checkpoint), since its partitions are unknown.
   */
  Optional<Map<TopicPartition, Long>> ends() throws InterruptedException {
    return ends(groups);
  }

  /**
   * Each group's change events not yet committed, as of now; empty for a group that has not
   * committed yet.
   */
  Map<String, OptionalLong> behindEach() throws InterruptedException {
    Map<String, OptionalLong> behind = new LinkedHashMap<>();
    for (String group : groups) {
      Optional<Map<TopicPartition, Long>> ends = ends(List.of(group));
      behind.put(
          group,
          ends.isEmpty() ? OptionalLong.empty() : OptionalLong.of(behind(group, ends.get())));
    }
    return behind;
  }

  private Optional<Map<TopicPartition, Long>> ends(List<String> of) throws InterruptedException {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (String group : of) {
      Map<TopicPartition, Long> committed = committed(group);
      if (committed.isEmpty()) {
        return Optional.empty();
      }
      committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
    }
    try {
      return Optional.of(
          admin.listOffsets(latest).all().get().entrySet().stream()
              .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset())));
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not read the topics' end offsets", e.getCause());
    }
  }

  /**
   * The groups' partitions still behind {@code ends} (a partition a group does not read is not
   * counted for it), summed over the groups: 0 once every job has committed up to there.
   */
  long behind(Map<TopicPartition, Long> ends) throws InterruptedException {
    long behind = 0;
    for (String group : groups) {
      behind += behind(group, ends);
    }
    return behind;
  }

  private long behind(String group, Map<TopicPartition, Long> ends) throws InterruptedException {
    long behind = 0;
    for (Map.Entry<TopicPartition, Long> committed : committed(group).entrySet()) {
      Long end = ends.get(committed.getKey());
      if (end != null) {
        behind += Math.max(0, end - committed.getValue());
      }
    }
    return behind;
  }

  /** The offsets the groups have committed, summed over their partitions: 0 before any commit. */
  long committed() throws InterruptedException {
    long sum = 0;
    for (String group : groups) {
      sum += committed(group).values().stream().mapToLong(Long::longValue).sum();
    }
    return sum;
  }

  private Map<TopicPartition, Long> committed(String group) throws InterruptedException {
    try {
      Map<TopicPartition, Long> offsets = new HashMap<>();
      for (Map.Entry<TopicPartition, OffsetAndMetadata> e :
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet()) {
        if (e.getValue() != null) {
          offsets.put(e.getKey(), e.getValue().offset());
        }
      }
      return offsets;
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not read the offsets of " + group, e.getCause());
    }
  }

  @Override
  public void close() {
    admin.close();
  }
}
