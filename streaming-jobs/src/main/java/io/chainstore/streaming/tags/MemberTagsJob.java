package io.chainstore.streaming.tags;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainstore.streaming.Endpoints;
import io.chainstore.streaming.JobOptions;
import io.chainstore.streaming.cdc.ChangeDecoder;
import io.chainstore.streaming.cdc.Columns;
import io.chainstore.streaming.cdc.Envelope;
import io.chainstore.streaming.members.MemberRow;
import io.chainstore.streaming.repairs.WorkOrderRow;
import io.chainstore.streaming.sales.OrderRow;
import io.chainstore.streaming.sink.TableRow;
import io.chainstore.streaming.sink.TableRowFormat;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * member-tags: members' sign-ups and orders (and the connector's heartbeats, which move event time
 * on) → per member the tags of {@link TagRules}, kept current in event time, with how far they are
 * ({@link TagClock}), and per tag how many members hold it ({@link TagCounts}). This class only
 * wires.
 */
public final class MemberTagsJob {

  public static final String NAME = "member-tags";

  /** A member id no member has: heartbeats, which only carry time. */
  static final long TICK = -1;

  private MemberTagsJob() {}

  /** Where the job reads and writes. */
  public record Connections(
      Source<MemberFact, ?, ?> facts, Source<Long, ?, ?> heartbeats, Sink<TableRow> tags) {}

  /**
   * Declares the pipeline. Event time is each change's commit time; the watermark trails the newest
   * heartbeat by {@code lateness} ({@link HeartbeatClock}): time-based tags flip that much (and a
   * heartbeat interval) after the moment, and a fact later than that is still applied (and
   * counted).
   */
  public static void build(
      StreamExecutionEnvironment env, Connections io, TagRules rules, Duration lateness) {
    // Every subtask sees every heartbeat, so event time moves on everywhere alike.
    DataStream<MemberFact> ticks =
        env.fromSource(io.heartbeats(), WatermarkStrategy.noWatermarks(), "tag-heartbeats")
            .uid("tag-heartbeats")
            .map(at -> new MemberFact(TICK, "tick", 0, at, null, 0, null, null))
            .uid("tag-ticks")
            .broadcast();
    SingleOutputStreamOperator<TagRow> tagged =
        env.fromSource(io.facts(), WatermarkStrategy.noWatermarks(), "tag-facts")
            .uid("tag-facts")
            .union(ticks)
            .assignTimestampsAndWatermarks(
                WatermarkStrategy.<MemberFact>forGenerator(
                        context -> new HeartbeatClock(lateness.toMillis()))
                    .withTimestampAssigner((fact, previous) -> fact.commitMillis()))
            .uid("tag-event-time")
            .filter(fact -> fact.memberId() != TICK)
            .uid("tag-facts-only")
            .keyBy(MemberFact::memberId)
            .process(new MemberTagging(rules), TypeInformation.of(TagRow.class))
            .uid("member-tagging")
            .name("member-tagging");
    DataStream<TableRow> counts =
        tagged
            .getSideOutput(MemberTagging.COUNT_CHANGES)
            .keyBy(TagCountChange::tag)
            .process(new TagCounts(), TypeInformation.of(TableRow.class))
            .uid("tag-counts")
            .name("tag-counts");
    tagged
        .transform("tag-clock", TypeInformation.of(TableRow.class), new TagClock())
        .uid("tag-clock")
        .union(counts)
        .sinkTo(io.tags())
        .uid("tag-sink")
        .name("tag-sink");
  }

  /** The tables whose changes are facts for the tag rules. */
  public static final List<String> FACT_TABLES =
      List.of("members", "orders", "referral_chains", "work_orders", "bookings");

  /** Sign-ups, orders, referrals, repairs and bookings of members, as facts for the tag rules. */
  static final ChangeDecoder<MemberFact> FACTS =
      (table, event) ->
          switch (table) {
            case "members" -> joined(event);
            case "orders" -> order(event);
            case "referral_chains" -> referral(event);
            case "work_orders" -> repair(event);
            case "bookings" -> booking(event);
            default -> null;
          };

  private static MemberFact joined(Envelope event) {
    MemberRow member = MemberRow.from(event.row());
    return event.deleted()
        ? null
        : MemberFact.joined(
            member.memberId(), member.joinedAt(), event.lsn(), event.commitMillis());
  }

  private static MemberFact order(Envelope event) {
    OrderRow order = OrderRow.from(event.row());
    if (order.memberId() == null) {
      return null;
    }
    Purchase purchase =
        !event.deleted() && order.isSale()
            ? new Purchase(
                order.orderId(),
                order.paidAt(),
                order.channel(),
                order.net(),
                order.couponId() != null)
            : null;
    return MemberFact.order(
        order.memberId(), order.orderId(), purchase, event.lsn(), event.commitMillis());
  }

  /** Chains are fixed when the member joins; a level-1 referrer is a referrer from then on. */
  private static MemberFact referral(Envelope event) {
    Long referrer = Columns.nullableLong(event.row(), "level1_member_id");
    return referrer == null
        ? null
        : MemberFact.referral(
            referrer,
            Columns.longValue(event.row(), "member_id"),
            event.deleted() ? null : Columns.instant(event.row(), "joined_at"),
            event.lsn(),
            event.commitMillis());
  }

  private static MemberFact repair(Envelope event) {
    WorkOrderRow repair = WorkOrderRow.from(event.row());
    return repair.memberId() == null
        ? null
        : MemberFact.service(
            repair.memberId(),
            "work_order:" + repair.workOrderId(),
            !event.deleted() && repair.isSale() ? repair.paidAt() : null,
            event.lsn(),
            event.commitMillis());
  }

  /** A booked service is used when it begins; a cancelled one never is. */
  private static MemberFact booking(Envelope event) {
    JsonNode booking = event.row();
    boolean kept = !event.deleted() && "booked".equals(Columns.text(booking, "status"));
    return MemberFact.service(
        Columns.longValue(booking, "member_id"),
        "booking:" + Columns.longValue(booking, "id"),
        kept ? Columns.instant(booking, "starts_at") : null,
        event.lsn(),
        event.commitMillis());
  }

  public static Connections connections(JobOptions options) {
    Endpoints io = Endpoints.of(options, NAME);
    return new Connections(
        io.changes(FACT_TABLES, FACTS, MemberFact.class),
        io.heartbeats(),
        io.sink(
            new TableRowFormat(
                Map.of(
                    TagClock.TAGS,
                    TagClock.TAG_COLUMNS,
                    TagClock.CLOCK,
                    TagClock.CLOCK_COLUMNS,
                    TagCounts.TABLE,
                    TagCounts.COLUMNS))));
  }

  /** The pipeline as its options say. */
  public static void build(StreamExecutionEnvironment env, JobOptions options) {
    build(
        env,
        connections(options),
        TagRules.defaults(options.get("default-time-zone", "UTC")),
        Duration.ofMillis(options.getLong("tag-lateness-ms", 5000)));
  }
}
