package io.chainstore.streaming.tags;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Per member: keeps the facts, and evaluates the tag rules in event time — at each fact's time and
 * at the next instant a tag may change by time alone (a day boundary: new, active and lapsing wear
 * off or set in), with event-time timers. A tag is written when it starts or stops holding or its
 * reason changes. A fact that arrives after the watermark passed its time (later than the bound) is
 * still applied, evaluated at the next watermark, and counted in {@code lateFacts}. Each time a tag
 * starts or stops holding, a change of its member count goes to {@link #COUNT_CHANGES} (with the
 * evaluation's time), for {@link TagCounts}.
 */
public class MemberTagging extends KeyedProcessFunction<Long, MemberFact, TagRow> {

  /** +1 when a member's tag starts holding, -1 when it stops. */
  public static final OutputTag<TagCountChange> COUNT_CHANGES =
      new OutputTag<>("tag-count-changes", TypeInformation.of(TagCountChange.class));

  private final TagRules rules;
  private transient ValueState<MemberFacts> facts;
  private transient MapState<String, Tag> written;
  private transient ValueState<Boolean> settled;
  private transient Counter late;

  public MemberTagging(TagRules rules) {
    this.rules = rules;
  }

  @Override
  public void open(OpenContext context) {
    facts = getRuntimeContext().getState(new ValueStateDescriptor<>("facts", MemberFacts.class));
    written =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>("tags", Types.STRING, TypeInformation.of(Tag.class)));
    settled = getRuntimeContext().getState(new ValueStateDescriptor<>("settled", Types.BOOLEAN));
    late = getRuntimeContext().getMetricGroup().counter("lateFacts");
  }

  @Override
  public void processElement(MemberFact fact, Context ctx, Collector<TagRow> out) throws Exception {
    MemberFacts stored = facts.value();
    MemberFacts known = stored == null ? MemberFacts.empty() : stored;
    Long applied = known.lsns().get(fact.rowKey());
    if (applied != null && fact.lsn() > 0 && fact.lsn() <= applied) {
      return;
    }
    facts.update(apply(known, fact));
    long watermark = ctx.timerService().currentWatermark();
    long at = fact.factTime().toEpochMilli();
    if (at <= watermark) {
      late.inc();
      at = watermark + 1;
    }
    ctx.timerService().registerEventTimeTimer(at);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<TagRow> out) throws Exception {
    MemberFacts known = facts.value();
    if (known == null) {
      return;
    }
    // A timer stands for its whole millisecond: facts carry microseconds, timers do not.
    Instant t = Instant.ofEpochMilli(timestamp).plusNanos(999_999);
    Map<String, Tag> now = rules.evaluate(known, t);
    long member = ctx.getCurrentKey();
    if (settled.value() == null) {
      // The first evaluation of this member by this job (a fresh start, a replay): a run before it
      // may have left rows, so every tag that does not hold is written as not holding.
      for (String name : TagRules.NAMES) {
        if (!now.containsKey(name)) {
          out.collect(new TagRow(member, name, false, timestamp, name, "does not hold", timestamp));
        }
      }
      settled.update(true);
    }
    for (Tag tag : now.values()) {
      Tag was = written.get(tag.name());
      if (!tag.equals(was)) {
        if (was == null) {
          ctx.output(COUNT_CHANGES, new TagCountChange(tag.name(), 1));
        }
        out.collect(
            new TagRow(
                member,
                tag.name(),
                true,
                tag.since().toEpochMilli(),
                tag.rule(),
                tag.reason(),
                timestamp));
        written.put(tag.name(), tag);
      }
    }
    Map<String, Tag> before = new HashMap<>();
    written.entries().forEach(e -> before.put(e.getKey(), e.getValue()));
    for (Tag gone : before.values()) {
      if (!now.containsKey(gone.name())) {
        out.collect(
            new TagRow(
                member,
                gone.name(),
                false,
                gone.since().toEpochMilli(),
                gone.rule(),
                "no longer: " + gone.reason(),
                timestamp));
        written.remove(gone.name());
        ctx.output(COUNT_CHANGES, new TagCountChange(gone.name(), -1));
      }
    }
    Instant next = rules.nextChange(known, t);
    if (next != null) {
      ctx.timerService().registerEventTimeTimer(next.toEpochMilli());
    }
  }

  static MemberFacts apply(MemberFacts known, MemberFact fact) {
    Map<Long, Purchase> purchases = new HashMap<>(known.purchases());
    Instant joined = known.joinedAt();
    Map<String, Instant> dated = new HashMap<>(known.dated());
    Map<Long, Instant> ended = new HashMap<>(known.ended());
    if (fact.isDated()) {
      if (fact.dated() == null) {
        dated.remove(fact.rowKey());
      } else {
        dated.put(fact.rowKey(), fact.dated());
      }
    } else if (fact.isJoin()) {
      joined = fact.joinedAt();
    } else if (fact.purchase() == null) {
      // No longer a sale from the change's commit on; it was one before.
      if (purchases.containsKey(fact.orderId())) {
        ended.put(fact.orderId(), Instant.ofEpochMilli(fact.commitMillis()));
      }
    } else {
      purchases.put(fact.orderId(), fact.purchase());
      ended.remove(fact.orderId());
    }
    Map<String, Long> lsns = new HashMap<>(known.lsns());
    if (fact.lsn() > 0) {
      lsns.put(fact.rowKey(), fact.lsn());
    }
    return new MemberFacts(joined, purchases, lsns, dated, ended);
  }
}
