package io.chainstore.oltp.suggestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SuggestionMessageTest {

  private static final String CONTRACT =
      """
      {"id":"3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f","skuId":12,"fromLocationId":2,"toLocationId":5,
       "quantity":7,"reorderPoint":6,"position":1,"velocityPerDay":"1.250","daysOfCover":"0.8",
       "reason":"available 1 + in transit 0 under reorder point 6 (1.25/day x 2 days lead + 4 safety)",
       "basedOnLsn":123456789,"suggestedAt":"2026-11-27T10:15:30.123Z"}""";

  private static SuggestionMessage parse(String json) {
    return SuggestionMessage.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theContractsExampleIsReadExactly() {
    SuggestionMessage m = parse(CONTRACT);
    assertThat(m.id()).isEqualTo(UUID.fromString("3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f"));
    assertThat(m.skuId()).isEqualTo(12);
    assertThat(m.fromLocationId()).isEqualTo(2);
    assertThat(m.toLocationId()).isEqualTo(5);
    assertThat(m.quantity()).isEqualTo(7);
    assertThat(m.reorderPoint()).isEqualTo(6);
    assertThat(m.position()).isEqualTo(1);
    assertThat(m.velocityPerDay()).isEqualTo(new BigDecimal("1.250"));
    assertThat(m.daysOfCover()).isEqualTo(new BigDecimal("0.8"));
    assertThat(m.reason()).startsWith("available 1");
    assertThat(m.basedOnLsn()).isEqualTo(123456789L);
    assertThat(m.suggestedAt()).isEqualTo(OffsetDateTime.parse("2026-11-27T10:15:30.123Z"));
  }

  @Test
  void daysOfCoverMayBeNullOrAbsentAndUnknownFieldsAreIgnored() {
    assertThat(parse(CONTRACT.replace("\"0.8\"", "null")).daysOfCover()).isNull();
    assertThat(parse(CONTRACT.replace("\"daysOfCover\":\"0.8\",", "")).daysOfCover()).isNull();
    assertThat(parse(CONTRACT.replace("{", "{\"version\":2,")).quantity()).isEqualTo(7);
  }

  @Test
  void whatTheTableCannotHoldOrTheContractRulesOutIsInvalid() {
    String[][] cases = {
      {"{\"id\":", "not one JSON value"},
      {CONTRACT + " {}", "not one JSON value"},
      {"[" + CONTRACT + "]", "not a JSON object"},
      {CONTRACT.replace("\"skuId\":12", "\"skuId\":12,\"skuId\":13"), "not one JSON value"},
      {CONTRACT.replace("\"skuId\":12", "\"skuId\":\"12\""), "skuId"},
      {CONTRACT.replace("\"skuId\":12,", ""), "skuId: is missing"},
      {CONTRACT.replace("\"quantity\":7", "\"quantity\":7.5"), "quantity"},
      {CONTRACT.replace("\"quantity\":7", "\"quantity\":0"), "quantity"},
      {CONTRACT.replace("\"quantity\":7", "\"quantity\":1000001"), "quantity"},
      {CONTRACT.replace("\"toLocationId\":5", "\"toLocationId\":2"), "toLocationId"},
      {CONTRACT.replace("\"reorderPoint\":6", "\"reorderPoint\":-1"), "reorderPoint"},
      {CONTRACT.replace("\"position\":1", "\"position\":3000000000"), "position"},
      {CONTRACT.replace("\"1.250\"", "\"-1\""), "velocityPerDay"},
      {CONTRACT.replace("\"1.250\"", "\"fast\""), "velocityPerDay"},
      {CONTRACT.replace("\"1.250\"", "\"1e9\""), "velocityPerDay"},
      {CONTRACT.replace("\"0.8\"", "true"), "daysOfCover"},
      {CONTRACT.replace("3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "1-1-1-1-1"), "id"},
      {CONTRACT.replace("\"basedOnLsn\":123456789", "\"basedOnLsn\":-1"), "basedOnLsn"},
      {CONTRACT.replace("2026-11-27T10:15:30.123Z", "2026-11-27T10:15:30"), "suggestedAt"},
      {CONTRACT.replace("2026-11-27T10:15:30.123Z", "+9999999-01-01T00:00:00Z"), "suggestedAt"},
      {CONTRACT.replace("available 1", "available\\u00001"), "reason"},
      {CONTRACT.replace("\"reason\":\"available", "\"reason\":\"  \",\"x\":\"available"), "reason"},
    };
    for (String[] c : cases) {
      assertThatThrownBy(() -> parse(c[0]))
          .as(c[0])
          .isInstanceOf(SuggestionMessage.Invalid.class)
          .hasMessageContaining(c[1]);
    }
    assertThatThrownBy(() -> SuggestionMessage.parse(null))
        .isInstanceOf(SuggestionMessage.Invalid.class);
    assertThatThrownBy(() -> SuggestionMessage.parse(new byte[] {'{', (byte) 0xC3, '}'}))
        .isInstanceOf(SuggestionMessage.Invalid.class)
        .hasMessageContaining("UTF-8");
  }
}
