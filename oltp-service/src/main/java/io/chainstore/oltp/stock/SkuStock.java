package io.chainstore.oltp.stock;

import java.util.List;

/** A SKU's stock across locations, with totals for HQ. */
public record SkuStock(
    long skuId,
    int totalOnHand,
    int totalReserved,
    int totalAvailable,
    List<LocationStock> locations) {

  static SkuStock of(long skuId, List<LocationStock> locations) {
    return new SkuStock(
        skuId,
        locations.stream().mapToInt(LocationStock::onHand).sum(),
        locations.stream().mapToInt(LocationStock::reserved).sum(),
        locations.stream().mapToInt(LocationStock::available).sum(),
        locations);
  }

  /** Stock at one location. */
  public record LocationStock(
      long locationId,
      String locationCode,
      String kind,
      int onHand,
      int reserved,
      int available,
      int inTransit) {}
}
