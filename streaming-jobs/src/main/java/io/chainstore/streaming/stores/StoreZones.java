package io.chainstore.streaming.stores;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;

/**
 * In an operator keyed by store: each store's time zone, learnt from its location row, and the
 * changes that arrived before it (topics are read side by side, so a replay may bring a sale
 * first), kept in state until it does. Store 0 means "no store" (a member who joined online) and
 * uses the chain's time zone. Zones are also kept in memory: reading them is on every change's
 * path.
 */
public final class StoreZones<IN> {

  public static final long NO_STORE = 0;

  // Descriptors are made per operator: they set up their serializer lazily, so none is shared.
  public static ValueStateDescriptor<String> zone() {
    return new ValueStateDescriptor<>("zone", String.class);
  }

  public static <IN> ListStateDescriptor<IN> waiting(TypeInformation<IN> type) {
    return new ListStateDescriptor<>("waiting", type);
  }

  private final ValueState<String> zone;
  private final ListState<IN> waiting;
  private final Counter waited;
  private final ZoneId chainZone;
  private final Map<Long, ZoneId> known = new HashMap<>();

  public StoreZones(
      ValueState<String> zone, ListState<IN> waiting, Counter waited, String chainZone) {
    this.zone = zone;
    this.waiting = waiting;
    this.waited = waited;
    this.chainZone = ZoneId.of(chainZone);
  }

  /** The store's zone; or null, and the change is kept until the store's location arrives. */
  public ZoneId zoneOrKeep(long store, IN change) throws Exception {
    if (store == NO_STORE) {
      return chainZone;
    }
    ZoneId id = known.get(store);
    if (id == null) {
      String stored = zone.value();
      if (stored == null) {
        waiting.add(change);
        waited.inc();
        return null;
      }
      id = ZoneId.of(stored);
      known.put(store, id);
    }
    return id;
  }

  /** Learns the zone of the location's store; returns the changes that waited for it. */
  public List<IN> learn(LocationRow location) throws Exception {
    zone.update(location.timeZone());
    known.put(location.locationId(), ZoneId.of(location.timeZone()));
    List<IN> ready = new ArrayList<>();
    waiting.get().forEach(ready::add);
    waiting.clear();
    return ready;
  }
}
