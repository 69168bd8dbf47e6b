package io.chainstore.streaming.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class MemberTaggingTest {

  private static final Instant JOINED = Instant.parse("2026-09-01T08:00:00Z");
  private static final Instant BOUGHT = Instant.parse("2026-09-02T10:00:00Z");

  private static KeyedOneInputStreamOperatorTestHarness<Long, MemberFact, TagRow> harness()
      throws Exception {
    return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
        new MemberTagging(TagRules.defaults("UTC")), MemberFact::memberId, Types.LONG);
  }

  private static MemberFact purchase(long lsn, Instant at) {
    return MemberFact.order(
        7,
        100,
        new Purchase(100, at, "pos", new BigDecimal("25.00"), false),
        lsn,
        at.toEpochMilli());
  }

  @Test
  void lapsingIsSetOnlyWhenSixtyDaysOfEventTimeHavePassed() throws Exception {
    try (var harness = harness()) {
      harness.processElement(
          MemberFact.joined(7, JOINED, 10, JOINED.toEpochMilli()), JOINED.toEpochMilli());
      harness.processElement(purchase(11, BOUGHT), BOUGHT.toEpochMilli());
      harness.processWatermark(BOUGHT.toEpochMilli());
      assertThat(active(harness)).containsExactlyInAnyOrder("new", "active", "store-only");

      // 60 days after the day of the purchase, minus a moment: not yet.
      Instant lapsingFrom = Instant.parse("2026-11-01T00:00:00Z");
      harness.processWatermark(lapsingFrom.toEpochMilli() - 1);
      assertThat(active(harness)).containsExactlyInAnyOrder("store-only");
      harness.processWatermark(lapsingFrom.toEpochMilli());
      assertThat(active(harness)).containsExactlyInAnyOrder("store-only", "lapsing");
      TagRow lapsing =
          harness.extractOutputValues().stream()
              .filter(r -> r.tag().equals("lapsing") && r.active())
              .findFirst()
              .orElseThrow();
      assertThat(lapsing.version()).isEqualTo(lapsingFrom.toEpochMilli());
    }
  }

  @Test
  void eachTagThatStartsOrStopsHoldingChangesItsCountOnceAtTheEvaluationsTime() throws Exception {
    try (var harness = harness()) {
      harness.processElement(
          MemberFact.joined(7, JOINED, 10, JOINED.toEpochMilli()), JOINED.toEpochMilli());
      harness.processElement(purchase(11, BOUGHT), BOUGHT.toEpochMilli());
      harness.processWatermark(BOUGHT.toEpochMilli());
      assertThat(counted(harness)).isEqualTo(Map.of("new", 1, "active", 1, "store-only", 1));
      // At the time of the evaluation that changed it: new from joining, the rest from buying.
      assertThat(harness.getSideOutput(MemberTagging.COUNT_CHANGES))
          .allMatch(
              change ->
                  change.getTimestamp()
                      == (change.getValue().tag().equals("new") ? JOINED : BOUGHT).toEpochMilli());

      // A second purchase changes reasons (active since), not who holds which tag.
      Instant again = BOUGHT.plusSeconds(3_600);
      harness.processElement(
          MemberFact.order(
              7,
              101,
              new Purchase(101, again, "pos", new BigDecimal("5.00"), false),
              12,
              again.toEpochMilli()),
          again.toEpochMilli());
      harness.processWatermark(again.toEpochMilli());
      assertThat(harness.getSideOutput(MemberTagging.COUNT_CHANGES)).hasSize(3);

      harness.processWatermark(Instant.parse("2026-11-01T00:00:00Z").toEpochMilli());
      assertThat(counted(harness))
          .isEqualTo(Map.of("new", 0, "active", 0, "store-only", 1, "lapsing", 1));
      assertThat(counted(harness).entrySet().stream().filter(e -> e.getValue() == 1))
          .map(Map.Entry::getKey)
          .containsExactlyInAnyOrderElementsOf(active(harness));
    }
  }

  /** The count changes added up per tag. */
  private static Map<String, Integer> counted(
      KeyedOneInputStreamOperatorTestHarness<Long, MemberFact, TagRow> h) {
    Map<String, Integer> sums = new HashMap<>();
    h.getSideOutput(MemberTagging.COUNT_CHANGES)
        .forEach(r -> sums.merge(r.getValue().tag(), r.getValue().members(), Integer::sum));
    return sums;
  }

  @Test
  void referralsAndServicesTagAtTheirTimeAndAServiceThatNoLongerCountsIsRemoved() throws Exception {
    try (var harness = harness()) {
      harness.processElement(
          MemberFact.joined(7, JOINED, 10, JOINED.toEpochMilli()), JOINED.toEpochMilli());
      Instant referred = Instant.parse("2026-09-03T08:00:00Z");
      harness.processElement(
          MemberFact.referral(7, 8, referred, 12, referred.toEpochMilli()),
          referred.toEpochMilli());
      harness.processElement(
          MemberFact.service(7, "work_order:5", BOUGHT, 13, BOUGHT.toEpochMilli()),
          BOUGHT.toEpochMilli());
      harness.processWatermark(BOUGHT.toEpochMilli());
      assertThat(active(harness)).containsExactlyInAnyOrder("new", "service-user");
      harness.processWatermark(referred.toEpochMilli());
      assertThat(active(harness)).containsExactlyInAnyOrder("new", "service-user", "referrer");

      Instant later = referred.plusSeconds(60);
      harness.processElement(
          MemberFact.service(7, "work_order:5", null, 14, later.toEpochMilli()),
          later.toEpochMilli());
      harness.processWatermark(later.toEpochMilli());
      assertThat(active(harness)).containsExactlyInAnyOrder("new", "referrer");
    }
  }

  @Test
  void aReplayThatReadsASaleAndItsRefundBeforeEitherTimeWritesWhatTheLiveRunWrote()
      throws Exception {
    Instant refunded = BOUGHT.plusSeconds(3600);
    MemberFact refund = MemberFact.order(7, 100, null, 12, refunded.toEpochMilli());
    List<TagRow> live;
    try (var harness = harness()) {
      harness.processElement(
          MemberFact.joined(7, JOINED, 10, JOINED.toEpochMilli()), JOINED.toEpochMilli());
      harness.processElement(purchase(11, BOUGHT), BOUGHT.toEpochMilli());
      harness.processWatermark(BOUGHT.toEpochMilli());
      harness.processElement(refund, refunded.toEpochMilli());
      harness.processWatermark(refunded.toEpochMilli());
      live = harness.extractOutputValues();
    }
    try (var harness = harness()) {
      // The facts topic is read ahead of event time: all three facts before any timer fires.
      harness.processElement(
          MemberFact.joined(7, JOINED, 10, JOINED.toEpochMilli()), JOINED.toEpochMilli());
      harness.processElement(purchase(11, BOUGHT), BOUGHT.toEpochMilli());
      harness.processElement(refund, refunded.toEpochMilli());
      harness.processWatermark(BOUGHT.toEpochMilli());
      harness.processWatermark(refunded.toEpochMilli());
      assertThat(harness.extractOutputValues()).isEqualTo(live);
      // store-only: not holding at the first evaluation (the join), held from the sale until the
      // refund, then no longer.
      assertThat(live)
          .filteredOn(r -> r.tag().equals("store-only"))
          .extracting(TagRow::active)
          .containsExactly(false, true, false);
    }
  }

  @Test
  void aFreshJobWritesEveryTagThatDoesNotHoldOnceSoRowsOfAnEarlierRunCannotLinger()
      throws Exception {
    try (var harness = harness()) {
      harness.processElement(purchase(11, BOUGHT), BOUGHT.toEpochMilli());
      harness.processWatermark(BOUGHT.toEpochMilli());
      List<TagRow> first = harness.extractOutputValues();
      assertThat(first)
          .filteredOn(r -> !r.active())
          .extracting(TagRow::tag)
          .containsExactlyInAnyOrderElementsOf(
              TagRules.NAMES.stream()
                  .filter(n -> !n.equals("active") && !n.equals("store-only"))
                  .toList());
      assertThat(first).allSatisfy(r -> assertThat(r.version()).isEqualTo(BOUGHT.toEpochMilli()));
      // Later evaluations write changes only: no more rows of tags that do not hold.
      long notHolding = first.stream().filter(r -> !r.active()).count();
      harness.processElement(purchase(12, BOUGHT.plusSeconds(60)), BOUGHT.toEpochMilli() + 60_000);
      harness.processWatermark(BOUGHT.toEpochMilli() + 60_000);
      assertThat(harness.extractOutputValues().stream().filter(r -> !r.active()).count())
          .isEqualTo(notHolding);
    }
  }

  @Test
  void aLateFactIsAppliedAndCountedADuplicateIsNot() throws Exception {
    try (var harness = harness()) {
      harness.processElement(
          MemberFact.joined(7, JOINED, 10, JOINED.toEpochMilli()), JOINED.toEpochMilli());
      Instant later = Instant.parse("2026-12-20T00:00:00Z");
      harness.processWatermark(later.toEpochMilli());
      assertThat(active(harness)).isEmpty();

      // A purchase from September arrives after the watermark passed it: still counted, now.
      harness.processElement(purchase(11, BOUGHT), BOUGHT.toEpochMilli());
      harness.processWatermark(later.toEpochMilli() + 1000);
      assertThat(active(harness)).containsExactlyInAnyOrder("store-only", "lapsing");
      int rows = harness.extractOutputValues().size();

      harness.processElement(purchase(11, BOUGHT), BOUGHT.toEpochMilli());
      harness.processWatermark(later.toEpochMilli() + 2000);
      assertThat(harness.extractOutputValues()).hasSize(rows);
    }
  }

  @Test
  void aFactInsideTheBoundCountsAtItsOwnTimeOneBeyondItAtTheWatermark() throws Exception {
    try (var harness = harness()) {
      harness.processElement(
          MemberFact.joined(7, JOINED, 10, JOINED.toEpochMilli()), JOINED.toEpochMilli());
      // Event time is an hour before the purchase: the purchase is not late.
      harness.processWatermark(BOUGHT.toEpochMilli() - 3_600_000);
      harness.processElement(purchase(11, BOUGHT), BOUGHT.toEpochMilli());
      harness.processWatermark(BOUGHT.toEpochMilli());
      assertThat(row(harness, "store-only").version()).isEqualTo(BOUGHT.toEpochMilli());

      // An online purchase from before the watermark: applied when it arrives, at the watermark.
      long watermark = BOUGHT.toEpochMilli() + 86_400_000;
      harness.processWatermark(watermark);
      Instant earlier = BOUGHT.plusSeconds(60);
      harness.processElement(
          MemberFact.order(
              7,
              101,
              new Purchase(101, earlier, "online", new BigDecimal("5.00"), false),
              12,
              earlier.toEpochMilli()),
          earlier.toEpochMilli());
      harness.processWatermark(watermark + 1);
      assertThat(row(harness, "omnichannel").version()).isEqualTo(watermark + 1);
    }
  }

  private static TagRow row(
      KeyedOneInputStreamOperatorTestHarness<Long, MemberFact, TagRow> h, String tag) {
    return h.extractOutputValues().stream()
        .filter(r -> r.tag().equals(tag))
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  @Test
  @Timeout(30) // before the fix this spun forever on one millisecond
  void factsWithMicrosecondsAreSeenByTheTimerOfTheirMillisecond() throws Exception {
    try (var harness = harness()) {
      Instant joined = JOINED.plusNanos(123_456_000);
      Instant bought = BOUGHT.plusNanos(654_321_000);
      harness.processElement(
          MemberFact.joined(7, joined, 10, joined.toEpochMilli()), joined.toEpochMilli());
      harness.processElement(purchase(11, bought), bought.toEpochMilli());
      harness.processWatermark(bought.toEpochMilli());
      assertThat(active(harness)).containsExactlyInAnyOrder("new", "active", "store-only");
    }
  }

  /** The tags that hold after the rows written so far. */
  private static List<String> active(
      KeyedOneInputStreamOperatorTestHarness<Long, MemberFact, TagRow> h) {
    Map<String, Boolean> last = new LinkedHashMap<>();
    for (TagRow row : h.extractOutputValues()) {
      last.put(row.tag(), row.active());
    }
    return last.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
  }
}
