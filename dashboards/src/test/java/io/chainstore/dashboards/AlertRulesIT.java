package io.chainstore.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus alert rules and scrape configuration as Prometheus reads them: {@code promtool}
 * (Debian's {@code prometheus} package) checks both files and runs the unit tests beside them, in
 * which each alert must fire on the series that should raise it, with its labels and text, and stay
 * quiet before.
 */
class AlertRulesIT {

  private static final Path RULES = Path.of("src/main/prometheus");

  @Test
  void everyRuleLoadsAndHasATest() throws Exception {
    List<String> alerts = new ArrayList<>();
    Matcher alert =
        Pattern.compile("(?m)^\\s*- alert: (\\w+)$")
            .matcher(Files.readString(RULES.resolve("chainstore-alerts.yml")));
    while (alert.find()) {
      alerts.add(alert.group(1));
    }
    String out = promtool("check", "rules", "chainstore-alerts.yml");
    assertThat(out).contains("SUCCESS: " + alerts.size() + " rules found");
    String tests = Files.readString(RULES.resolve("chainstore-alerts-test.yml"));
    assertThat(alerts)
        .isNotEmpty()
        .allSatisfy(name -> assertThat(tests).contains("alertname: " + name + "\n"));
  }

  @Test
  void theScrapeConfigurationLoadsWithTheRulesAndCoversEveryStage() throws Exception {
    String out = promtool("check", "config", "chainstore-prometheus.yml");
    assertThat(out)
        .contains("SUCCESS: chainstore-prometheus.yml is valid prometheus config file syntax")
        .contains("SUCCESS: 1 rule files found")
        .doesNotContain("FAILED");
    assertThat(Files.readString(RULES.resolve("chainstore-prometheus.yml")))
        .contains(
            "job_name: chainstore-oltp-service",
            "metrics_path: /actuator/prometheus",
            "job_name: chainstore-cdc",
            "job_name: chainstore-flink",
            "job_name: chainstore-batch");
  }

  @Test
  void eachAlertFiresWhenItShouldAndNotBefore() throws Exception {
    String out = promtool("test", "rules", "chainstore-alerts-test.yml");
    assertThat(out).contains("SUCCESS").doesNotContain("FAILED");
  }

  private static String promtool(String... args) throws IOException, InterruptedException {
    String[] command = new String[args.length + 1];
    command[0] = "promtool";
    System.arraycopy(args, 0, command, 1, args.length);
    Process process =
        new ProcessBuilder(command).directory(RULES.toFile()).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return out;
  }
}
