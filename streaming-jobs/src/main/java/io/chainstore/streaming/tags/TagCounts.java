package io.chainstore.streaming.tags;

import io.chainstore.streaming.sink.TableRow;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per tag: how many members hold it, written to {@code member_tag_count} as of each event-time
 * second in which it changed, with that second as the version. A dashboard then reads ten rows
 * instead of every member's tags. The count as of a second is the sum of the changes of the
 * evaluations up to it, whatever order they arrived in, so a replay writes the same rows again.
 */
public class TagCounts extends KeyedProcessFunction<String, TagCountChange, TableRow> {

  public static final String TABLE = "member_tag_count";
  public static final List<String> COLUMNS = List.of("tag", "members", "version", "updated_at");

  private transient ValueState<Long> members;
  private transient MapState<Long, Long> pendingBySecond;

  @Override
  public void open(OpenContext context) {
    members = getRuntimeContext().getState(new ValueStateDescriptor<>("members", Types.LONG));
    pendingBySecond =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("pending", Types.LONG, Types.LONG));
  }

  @Override
  public void processElement(TagCountChange change, Context ctx, Collector<TableRow> out)
      throws Exception {
    long second = endOfSecond(ctx.timestamp());
    Long pending = pendingBySecond.get(second);
    pendingBySecond.put(second, (pending == null ? 0 : pending) + change.members());
    ctx.timerService().registerEventTimeTimer(second);
  }

  @Override
  public void onTimer(long second, OnTimerContext ctx, Collector<TableRow> out) throws Exception {
    Long change = pendingBySecond.get(second);
    if (change == null) {
      return;
    }
    pendingBySecond.remove(second);
    Long before = members.value();
    long now = (before == null ? 0 : before) + change;
    members.update(now);
    out.collect(
        new TableRow(TABLE, ctx.getCurrentKey(), List.of(ctx.getCurrentKey(), now, second)));
  }

  /** The first whole second at or after {@code millis}: changes at 10.000 s count as of 10 s. */
  static long endOfSecond(long millis) {
    return Math.floorDiv(millis + 999, 1000) * 1000;
  }
}
