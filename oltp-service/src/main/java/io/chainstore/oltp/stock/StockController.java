package io.chainstore.oltp.stock;

import io.chainstore.oltp.access.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/stock")
@Tag(name = "Stock")
class StockController {

  private final StockService stock;

  StockController(StockService stock) {
    this.stock = stock;
  }

  @GetMapping("/{skuId}")
  @Operation(summary = "Stock of a SKU at every location: on hand, reserved, available")
  SkuStock stockOf(@PathVariable long skuId) {
    return stock.stockOf(skuId, Caller.current());
  }
}
