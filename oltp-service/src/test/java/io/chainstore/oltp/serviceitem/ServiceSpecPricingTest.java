package io.chainstore.oltp.serviceitem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainstore.oltp.catalog.ServiceSpec;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceSpecPricingTest {

  private static ServiceCombination combo(
      long sku, String tier, int minutes, String type, String base, String atStore) {
    return new ServiceCombination(
        sku,
        "C-" + sku,
        "Cleaning " + sku,
        new ServiceSpec(tier, minutes, type),
        new BigDecimal(base),
        atStore == null ? null : 7L,
        new BigDecimal(atStore == null ? base : atStore));
  }

  private static final List<ServiceCombination> CLEANING =
      List.of(
          combo(1, "up_to_60", 60, "standard", "80.00", null),
          combo(2, "up_to_60", 90, "deep", "120.00", "110.00"),
          combo(3, "60_to_120", 90, "standard", "150.00", null),
          combo(4, "60_to_120", 120, "deep", "220.00", "199.90"),
          combo(5, "over_120", 120, "standard", "260.00", null));

  @Test
  void anAreaFallsIntoItsTierAtTheBoundaries() {
    assertThat(AreaTier.forArea(1)).isEqualTo(AreaTier.UP_TO_60);
    assertThat(AreaTier.forArea(60)).isEqualTo(AreaTier.UP_TO_60);
    assertThat(AreaTier.forArea(61)).isEqualTo(AreaTier.FROM_60_TO_120);
    assertThat(AreaTier.forArea(120)).isEqualTo(AreaTier.FROM_60_TO_120);
    assertThat(AreaTier.forArea(121)).isEqualTo(AreaTier.OVER_120);
    assertThat(AreaTier.ANY.serves(500)).isTrue();
    assertThat(AreaTier.OVER_120.serves(120)).isFalse();
    assertThatThrownBy(() -> AreaTier.forArea(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theCombinationForAnAreaDurationAndTypeCarriesItsOwnPrice() {
    List<ServiceCombination> chosen =
        CLEANING.stream().filter(c -> c.fits(75, 120, "deep")).toList();
    assertThat(chosen).extracting(ServiceCombination::skuId).containsExactly(4L);
    // The store's own price, not the base price.
    assertThat(chosen.get(0).price()).isEqualByComparingTo("199.90");
    assertThat(chosen.get(0).basePrice()).isEqualByComparingTo("220.00");
  }

  @Test
  void aCriterionLeftOutMatchesEveryCombination() {
    assertThat(CLEANING.stream().filter(c -> c.fits(40, null, null)))
        .extracting(ServiceCombination::skuId)
        .containsExactly(1L, 2L);
    assertThat(CLEANING.stream().filter(c -> c.fits(null, 90, null)))
        .extracting(ServiceCombination::skuId)
        .containsExactly(2L, 3L);
    assertThat(CLEANING.stream().filter(c -> c.fits(200, 60, null))).isEmpty();
    assertThat(CLEANING.stream().filter(c -> c.fits(null, null, null))).hasSize(5);
  }
}
