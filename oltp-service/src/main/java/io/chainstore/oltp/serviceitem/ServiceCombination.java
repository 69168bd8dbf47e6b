package io.chainstore.oltp.serviceitem;

import io.chainstore.oltp.catalog.ServiceSpec;
import java.math.BigDecimal;

/**
 * One priced combination of a service: its SKU, its spec, its base price and, when a store was
 * asked for, the price that store charges (its own price, else the base price).
 */
public record ServiceCombination(
    long skuId,
    String skuCode,
    String name,
    ServiceSpec spec,
    BigDecimal basePrice,
    Long storeId,
    BigDecimal price) {

  /**
   * True when the combination fits what the customer asked for; a criterion left out (null) matches
   * any.
   */
  public boolean fits(Integer areaSquareMetres, Integer durationMinutes, String serviceType) {
    return (areaSquareMetres == null || AreaTier.fromCode(spec.areaTier()).serves(areaSquareMetres))
        && (durationMinutes == null || spec.durationMinutes() == durationMinutes)
        && (serviceType == null || spec.serviceType().equals(serviceType));
  }
}
