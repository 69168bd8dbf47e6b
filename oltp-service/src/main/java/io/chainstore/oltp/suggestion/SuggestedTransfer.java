package io.chainstore.oltp.suggestion;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A suggested transfer as HQ sees it: what the job suggested and why, and what was decided. */
@Schema(name = "TransferSuggestion")
record SuggestedTransfer(
    UUID id,
    long skuId,
    long fromLocationId,
    long toLocationId,
    int quantity,
    @Schema(description = "The receiving store's reorder point when the job decided")
        int reorderPoint,
    @Schema(
            description =
                "What the receiving store could sell without help: available + in transit")
        int position,
    BigDecimal velocityPerDay,
    @Schema(description = "Days the position lasts at that velocity; absent without sales")
        BigDecimal daysOfCover,
    String reason,
    @Schema(description = "The LSN of the change the job decided on") long basedOnLsn,
    OffsetDateTime suggestedAt,
    @Schema(allowableValues = {"open", "accepted", "rejected", "shipped"}) String status,
    @Schema(description = "The draft transfer created on acceptance") Long transferId,
    OffsetDateTime decidedAt,
    @Schema(description = "The name of the API key that accepted or rejected it") String decidedBy,
    String rejectReason,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {}
