package io.chainstore.ingestion;

/** Prometheus' text format, written by hand: ingestion serves a few figures, not a registry. */
final class PrometheusText {

  private PrometheusText() {}

  /** The {@code # HELP} and {@code # TYPE} lines that open a metric's samples. */
  static StringBuilder header(StringBuilder out, String name, String type, String help) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    return out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }
}
