package io.chainstore.oltp.catalog;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Which combination of a service a SKU is: the area tier it covers, how long it takes and the type
 * of service. Each combination is its own SKU, so its price resolves like any SKU's ({@link
 * Prices}).
 */
@Schema(name = "ServiceSpec")
public record ServiceSpec(String areaTier, int durationMinutes, String serviceType) {}
