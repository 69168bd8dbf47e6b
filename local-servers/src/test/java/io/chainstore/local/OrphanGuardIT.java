package io.chainstore.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A JVM that started a server and is then killed with {@code kill -9} (no shutdown hook runs) still
 * takes the server with it.
 */
class OrphanGuardIT {

  @Test
  void aKilledJvmsGuardedChildIsKilledAndAnUnguardedOneIsNot() throws Exception {
    Process parent =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Parent.class.getName())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    ProcessHandle guarded;
    ProcessHandle unguarded;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
      guarded = ProcessHandle.of(Long.parseLong(out.readLine())).orElseThrow();
      unguarded = ProcessHandle.of(Long.parseLong(out.readLine())).orElseThrow();
      assertThat(guarded.isAlive()).isTrue();

      parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL
      assertThat(parent.isAlive()).isFalse();

      await().atMost(Duration.ofSeconds(20)).until(() -> !guarded.isAlive());
      assertThat(unguarded.isAlive()).as("a process nobody registered").isTrue();
    } finally {
      parent.destroyForcibly();
    }
    unguarded.destroyForcibly();
  }

  /** Starts two sleeping processes, registers the first, prints both pids and waits for it. */
  public static final class Parent {
    public static void main(String[] args) throws Exception {
      Process guarded = OrphanGuard.watch(new ProcessBuilder("sleep", "300").start());
      Process unguarded = new ProcessBuilder("sleep", "300").start();
      for (Process p : List.of(guarded, unguarded)) {
        System.out.println(p.pid());
      }
      System.out.flush();
      guarded.waitFor(); // until the test kills this JVM
    }
  }
}
