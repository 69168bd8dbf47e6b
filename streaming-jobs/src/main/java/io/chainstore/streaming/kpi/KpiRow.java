package io.chainstore.streaming.kpi;

import io.chainstore.streaming.aggregate.Summable;

/** The KPIs of one bucket (or a change to them), with the version of the newest change in them. */
public record KpiRow(KpiKey key, Measures measures, long version) implements Summable<KpiRow> {

  @Override
  public String id() {
    return key.id();
  }

  @Override
  public KpiRow plus(KpiRow change) {
    return new KpiRow(key, measures.plus(change.measures), Math.max(version, change.version));
  }
}
