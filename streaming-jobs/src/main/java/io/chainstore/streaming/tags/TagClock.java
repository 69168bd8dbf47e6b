package io.chainstore.streaming.tags;

import io.chainstore.streaming.sink.TableRow;
import io.chainstore.streaming.sink.TextValues;
import java.util.List;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Turns tag rows into table rows, and says how far the tags are: each time the watermark passes a
 * new second it writes the watermark to {@code member_tag_clock} (one row per subtask). Every tag
 * is current as of the smallest of them: the watermark reaches this operator only after the timers
 * before it fired. Reconciliation evaluates the rules at that instant.
 */
public class TagClock extends AbstractStreamOperator<TableRow>
    implements OneInputStreamOperator<TagRow, TableRow> {

  public static final String TAGS = "member_tag";
  public static final String CLOCK = "member_tag_clock";
  public static final List<String> TAG_COLUMNS =
      List.of("member_id", "tag", "active", "since", "rule", "reason", "version", "updated_at");
  public static final List<String> CLOCK_COLUMNS =
      List.of("subtask", "as_of_ms", "version", "updated_at");

  private long lastSecond = Long.MIN_VALUE;

  @Override
  public void processElement(StreamRecord<TagRow> element) {
    TagRow row = element.getValue();
    output.collect(
        new StreamRecord<>(
            new TableRow(
                TAGS,
                row.memberId() + "|" + row.tag(),
                List.of(
                    row.memberId(),
                    row.tag(),
                    row.active() ? 1 : 0,
                    TextValues.dateTime(java.time.Instant.ofEpochMilli(row.sinceMillis())),
                    row.rule(),
                    row.reason(),
                    row.version()))));
  }

  @Override
  public void processWatermark(Watermark mark) throws Exception {
    long second = Math.floorDiv(mark.getTimestamp(), 1000);
    if (mark.getTimestamp() > 0 && second > lastSecond) {
      lastSecond = second;
      int subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
      output.collect(
          new StreamRecord<>(
              new TableRow(
                  CLOCK,
                  CLOCK + "|" + subtask,
                  List.of(subtask, mark.getTimestamp(), mark.getTimestamp()))));
    }
    super.processWatermark(mark);
  }
}
