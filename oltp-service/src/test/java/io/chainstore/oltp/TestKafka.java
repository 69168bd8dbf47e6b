package io.chainstore.oltp;

import io.chainstore.local.LocalKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.util.FileSystemUtils;

/** One real Kafka broker per test JVM (ingestion's {@link LocalKafka}), stopped when it exits. */
public final class TestKafka {

  private static LocalKafka kafka;

  private TestKafka() {}

  public static synchronized String bootstrapServers() {
    if (kafka == null) {
      try {
        Path dir = Files.createTempDirectory("oltp-kafka");
        LocalKafka started = LocalKafka.start(dir);
        kafka = started;
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      started.close();
                      FileSystemUtils.deleteRecursively(dir.toFile());
                    }));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return kafka.bootstrapServers();
  }

  /** Creates the topic (one partition) unless it exists. */
  public static void createTopic(String topic) {
    bootstrapServers();
    kafka.createTopics(List.of(topic));
  }
}
