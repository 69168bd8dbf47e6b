package io.chainstore.streaming.kpi;

import io.chainstore.streaming.members.MemberEvent;
import io.chainstore.streaming.members.MemberRow;
import io.chainstore.streaming.stores.StoreZones;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per member: one new member at the store (or online, store 0) and channel where they joined, at
 * the time they joined; counted once however often the row's events are delivered.
 */
public class MemberSignups extends KeyedProcessFunction<Long, MemberEvent, StoreDelta> {

  private transient ValueState<MemberRow> counted;

  @Override
  public void open(OpenContext context) {
    counted = getRuntimeContext().getState(new ValueStateDescriptor<>("counted", MemberRow.class));
  }

  @Override
  public void processElement(MemberEvent event, Context ctx, Collector<StoreDelta> out)
      throws Exception {
    MemberRow was = counted.value();
    if (event.deleted()) {
      if (was != null) {
        out.collect(signup(was, event.lsn(), Measures.NEW_MEMBER.negate()));
        counted.clear();
      }
      return;
    }
    if (was == null) {
      out.collect(signup(event.member(), event.lsn(), Measures.NEW_MEMBER));
      counted.update(event.member());
    }
  }

  private static StoreDelta signup(MemberRow member, long lsn, Measures measures) {
    return new StoreDelta(
        member.storeId() == null ? StoreZones.NO_STORE : member.storeId(),
        member.channel(),
        member.joinedAt().toEpochMilli(),
        lsn,
        measures);
  }
}
