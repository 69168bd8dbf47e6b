package io.chainstore.oltp.suggestion;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.chainstore.oltp.web.RejectedValue;
import io.chainstore.oltp.web.SupportedDates;
import io.chainstore.oltp.web.TextRules;
import io.chainstore.oltp.web.Uuids;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * A transfer suggestion as the low-stock job publishes it (the record value, UTF-8 JSON; decimals
 * as strings), read strictly: {@link #parse} returns one the table can hold or says why not.
 * Unknown fields are ignored, so the job may add some; {@code daysOfCover} may be null or absent.
 */
record SuggestionMessage(
    UUID id,
    long skuId,
    long fromLocationId,
    long toLocationId,
    int quantity,
    int reorderPoint,
    int position,
    BigDecimal velocityPerDay,
    BigDecimal daysOfCover,
    String reason,
    long basedOnLsn,
    OffsetDateTime suggestedAt) {

  /** What a draft transfer line may carry. */
  static final int MAX_QUANTITY = 1_000_000;

  /** numeric(12,3) and numeric(12,1): the whole part has 9 and 11 digits. */
  private static final BigDecimal VELOCITY_LIMIT = new BigDecimal("1e9");

  private static final BigDecimal COVER_LIMIT = new BigDecimal("1e11");

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  /** Why a message cannot become a suggestion. */
  static final class Invalid extends IllegalArgumentException {
    Invalid(String reason) {
      super(reason);
    }
  }

  static SuggestionMessage parse(byte[] value) {
    if (value == null) {
      throw new Invalid("no value (a tombstone)");
    }
    JsonNode json;
    try {
      json = JSON.readTree(utf8(value));
    } catch (JsonProcessingException e) {
      throw new Invalid("not one JSON value: " + e.getOriginalMessage());
    }
    if (json == null || !json.isObject()) {
      throw new Invalid("not a JSON object");
    }
    UUID id = uuid(json);
    long sku = whole(json, "skuId", 1, Long.MAX_VALUE);
    long from = whole(json, "fromLocationId", 1, Long.MAX_VALUE);
    long to = whole(json, "toLocationId", 1, Long.MAX_VALUE);
    if (from == to) {
      throw new Invalid("toLocationId: the same location as fromLocationId");
    }
    int quantity = (int) whole(json, "quantity", 1, MAX_QUANTITY);
    int reorderPoint = (int) whole(json, "reorderPoint", 0, Integer.MAX_VALUE);
    int position = (int) whole(json, "position", Integer.MIN_VALUE, Integer.MAX_VALUE);
    BigDecimal velocity = decimal(json, "velocityPerDay");
    if (velocity.signum() < 0 || velocity.compareTo(VELOCITY_LIMIT) >= 0) {
      throw new Invalid("velocityPerDay: must be from 0 up to " + VELOCITY_LIMIT.toPlainString());
    }
    JsonNode coverValue = json.get("daysOfCover");
    BigDecimal cover =
        coverValue == null || coverValue.isNull() ? null : decimal(json, "daysOfCover");
    if (cover != null && cover.abs().compareTo(COVER_LIMIT) >= 0) {
      throw new Invalid("daysOfCover: out of range");
    }
    return new SuggestionMessage(
        id,
        sku,
        from,
        to,
        quantity,
        reorderPoint,
        position,
        velocity,
        cover,
        reason(json),
        whole(json, "basedOnLsn", 0, Long.MAX_VALUE),
        time(json, "suggestedAt"));
  }

  private static String utf8(byte[] value) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(value))
          .toString();
    } catch (CharacterCodingException e) {
      throw new Invalid("not UTF-8");
    }
  }

  private static JsonNode required(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      throw new Invalid(field + ": is missing");
    }
    return value;
  }

  private static long whole(JsonNode json, String field, long min, long max) {
    JsonNode value = required(json, field);
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new Invalid(field + ": must be a whole number");
    }
    long number = value.asLong();
    if (number < min || number > max) {
      throw new Invalid(field + ": must be from " + min + " to " + max);
    }
    return number;
  }

  /** A decimal: as the contract sends it, a string ("1.250"); a JSON number is read exactly too. */
  private static BigDecimal decimal(JsonNode json, String field) {
    JsonNode value = required(json, field);
    if (value.isNumber()) {
      return value.decimalValue();
    }
    if (value.isTextual()) {
      try {
        return new BigDecimal(value.asText());
      } catch (NumberFormatException e) {
        throw new Invalid(field + ": must be a decimal number");
      }
    }
    throw new Invalid(field + ": must be a decimal number");
  }

  private static UUID uuid(JsonNode json) {
    JsonNode value = required(json, "id");
    try {
      return Uuids.parse(value.isTextual() ? value.asText() : null);
    } catch (RejectedValue e) {
      throw new Invalid("id: " + e.getMessage());
    }
  }

  private static String reason(JsonNode json) {
    JsonNode value = required(json, "reason");
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new Invalid("reason: must be a text");
    }
    String problem = TextRules.problem(value.asText());
    if (problem != null) {
      throw new Invalid("reason: " + problem);
    }
    return value.asText();
  }

  private static OffsetDateTime time(JsonNode json, String field) {
    JsonNode value = required(json, field);
    try {
      return SupportedDates.check(OffsetDateTime.parse(value.isTextual() ? value.asText() : ""));
    } catch (DateTimeParseException | RejectedValue e) {
      throw new Invalid(field + ": " + SupportedDates.timeRule());
    }
  }
}
