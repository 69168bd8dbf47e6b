package io.chainstore.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The HTML report as a person sees it: written from the running platform after some trading, opened
 * in headless Chromium (Debian's package), every chart drawn on its canvas, the charts that trading
 * always fills not empty; the screenshot is kept in {@code target/report.png}.
 */
class HtmlReportIT {

  private static final Pattern CHART =
      Pattern.compile("<div class=\"chart\" id=\"([a-z-]+)\" data-points=\"(\\d+)\"([^>]*)>");

  @Test
  void everyChartRendersInARealBrowser() throws Exception {
    LocalStack stack = SharedStack.get();
    new TradingSimulator(stack.adminApi(), SharedStack.chain(), 23)
        .trade(0, 40, 2, new Progress(System.out));
    assertThat(stack.reconciler().awaitMatch(Duration.ofSeconds(90)).ok()).isTrue();

    Path target = Path.of("target").toAbsolutePath();
    Path report = new HtmlReport(stack.clickhouse()).write(target.resolve("report.html"));
    String dom = chromium(report, "--dump-dom");
    Matcher charts = CHART.matcher(dom);
    int seen = 0;
    while (charts.find()) {
      seen++;
      String id = charts.group(1);
      assertThat(charts.group(3)).as("chart %s rendered", id).contains("data-rendered=\"true\"");
      if (List.of("sales-per-hour", "sales-by-channel", "top-products", "member-tags")
          .contains(id)) {
        assertThat(Integer.parseInt(charts.group(2))).as("points of %s", id).isPositive();
      }
    }
    assertThat(seen).isEqualTo(7);
    // ECharts draws each chart on a canvas of its own.
    assertThat(dom.split("<canvas", -1).length - 1).isGreaterThanOrEqualTo(7);
    assertThat(dom).contains("data-rendered=\"7\"");

    Path screenshot = target.resolve("report.png");
    Files.deleteIfExists(screenshot);
    chromium(report, "--screenshot=" + screenshot, "--window-size=1280,3000");
    assertThat(Files.size(screenshot)).isGreaterThan(20_000);
  }

  private static String chromium(Path page, String... what) throws Exception {
    Path out = Files.createTempFile("chromium-", ".out");
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--virtual-time-budget=10000"));
    command.addAll(List.of(what));
    command.add(page.toUri().toString());
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    assertThat(process.exitValue()).as("chromium exit").isZero();
    try {
      return Files.readString(out, StandardCharsets.UTF_8);
    } finally {
      Files.delete(out);
    }
  }
}
