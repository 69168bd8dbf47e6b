package io.chainstore.oltp.order;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cancels an order for another feature (a cancelled booking cancels the order it served) by the
 * order's own rules: a created order is released, a paid one refunded; the caller's access to the
 * order is checked as for {@code POST /api/orders/{id}/cancel}.
 */
@Component
public class OrderCancellation {

  private final OrderService orders;

  OrderCancellation(OrderService orders) {
    this.orders = orders;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void cancel(long orderId) {
    orders.cancel(orderId);
  }
}
