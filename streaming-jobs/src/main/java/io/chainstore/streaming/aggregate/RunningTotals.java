package io.chainstore.streaming.aggregate;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Per key: the totals of every change so far, emitted as they grow (see {@link MiniBatchTotals}).
 */
public class RunningTotals<T extends Summable<T>> extends MiniBatchTotals<T>
    implements OneInputStreamOperator<T, T> {

  public RunningTotals(TypeInformation<T> type) {
    this(type, FLUSH_MILLIS, MAX_PENDING_ROWS);
  }

  public RunningTotals(TypeInformation<T> type, long flushMillis, int maxPendingRows) {
    super(type, flushMillis, maxPendingRows);
  }

  @Override
  public void processElement(StreamRecord<T> element) throws Exception {
    add(element.getValue());
  }
}
