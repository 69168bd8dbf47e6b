package io.chainstore.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One local stack (PostgreSQL, Kafka, Debezium, ClickHouse, the OLTP service, the Flink jobs) for
 * every end-to-end test of the test JVM, seeded once; stopped and deleted when the JVM ends.
 */
final class SharedStack {

  private static LocalStack stack;
  private static DemoSeed.Chain chain;

  private SharedStack() {}

  static synchronized LocalStack get() {
    if (stack == null) {
      try {
        Path dir = Files.createTempDirectory("chainstore-e2e-");
        stack = LocalStack.start(dir, Modules.fromSystemProperty(), new Progress(System.out), 100);
        chain = DemoSeed.seed(stack.postgres(), 3, 7);
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      stack.close();
                      DemoMain.delete(dir);
                    }));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return stack;
  }

  static synchronized DemoSeed.Chain chain() {
    get();
    return chain;
  }
}
