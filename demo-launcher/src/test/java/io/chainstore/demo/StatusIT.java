package io.chainstore.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chainstore.demo.StackHealth.Component;
import io.chainstore.demo.StackHealth.Status;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ./chainstore status} on the running local stack: every part up, with its lag. */
class StatusIT {

  private final LocalStack stack = SharedStack.get();

  @Test
  void everyPartOfTheRunningStackIsUpWithItsLag() throws IOException {
    StackHealth.Deployment deployment = deployment();
    List<Component> components =
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> StackHealth.check(deployment),
                all -> all.stream().allMatch(c -> c.status() == Status.UP));

    assertThat(components)
        .extracting(Component::name)
        .contains(
            "oltp-service",
            "postgresql",
            "cdc",
            "kafka",
            "job store-kpis",
            "job stock-transfer-suggestions",
            "job marketing-roi",
            "job member-tags",
            "checkpoints",
            "clickhouse")
        .anyMatch(name -> name.startsWith("cdc slot "));
    assertThat(components)
        .filteredOn(c -> c.name().startsWith("job "))
        .allSatisfy(c -> assertThat(c.detail()).matches("[\\d,]+ change events not yet committed"));
    assertThat(components)
        .filteredOn(c -> c.name().startsWith("cdc slot "))
        .allSatisfy(c -> assertThat(c.detail()).matches("connector attached, \\d+\\.\\d MB .*"));
    assertThat(detail(components, "cdc"))
        .matches(
            "[1-9][\\d,]* change events forwarded; the newest reached Kafka [\\d.]+ s after its"
                + " commit");
    assertThat(detail(components, "clickhouse")).contains("ClickHouse 18.");
    assertThat(detail(components, "checkpoints")).matches("latest completed \\d+ s ago");
    assertThat(StatusCommand.run(args())).isZero();
  }

  @Test
  void aPartThatDoesNotAnswerIsDownAndTheCommandFails() throws IOException {
    String nowhere = "http://127.0.0.1:" + unusedPort();
    String[] args = {"--work-dir", stack.workDir().toString(), "--clickhouse-url", nowhere};

    List<Component> components =
        StackHealth.check(StatusCommand.deployment(StackOptions.parse(args)));

    assertThat(components)
        .filteredOn(c -> c.name().equals("clickhouse"))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.status()).isEqualTo(Status.DOWN);
              assertThat(c.detail()).isEqualTo(nowhere + " does not answer");
            });
    assertThat(detail(components, "postgresql")).startsWith("PostgreSQL ");
    assertThat(StatusCommand.run(args)).isEqualTo(1);
  }

  private String[] args() {
    return new String[] {"--work-dir", stack.workDir().toString()};
  }

  private StackHealth.Deployment deployment() throws IOException {
    return StatusCommand.deployment(StackOptions.parse(args()));
  }

  private static String detail(List<Component> components, String name) {
    return components.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow()
        .detail();
  }

  private static int unusedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
