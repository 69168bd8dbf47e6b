package io.chainstore.oltp.stock;

import io.chainstore.oltp.access.AllowedRoles;
import io.chainstore.oltp.access.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/stock")
@Tag(name = "Stock")
class StockController {

  private final StockService stock;

  StockController(StockService stock) {
    this.stock = stock;
  }

  @AllowedRoles(anyRole = true)
  @GetMapping
  @Operation(
      summary = "Stock levels: all locations (HQ) or one; maxAvailable lists low stock",
      description = "A POS terminal or store manager sees its own store only.")
  List<StockService.Level> stockLevels(
      @RequestParam(required = false) @Min(1) Long locationId,
      @RequestParam(required = false) @Min(0) Integer maxAvailable) {
    return stock.levels(locationId, maxAvailable, Caller.current());
  }

  @AllowedRoles(anyRole = true)
  @GetMapping("/{skuId}/movements")
  @Operation(
      summary =
          "The movement ledger of a SKU, newest first: every change with its reason and document")
  List<StockService.Movement> stockMovements(
      @PathVariable long skuId,
      @RequestParam(required = false) @Min(1) Long locationId,
      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
    return stock.movements(skuId, locationId, limit, Caller.current());
  }

  @AllowedRoles(anyRole = true)
  @GetMapping("/{skuId}")
  @Operation(summary = "Stock of a SKU at every location: on hand, reserved, available")
  SkuStock stockOf(@PathVariable long skuId) {
    return stock.stockOf(skuId, Caller.current());
  }
}
