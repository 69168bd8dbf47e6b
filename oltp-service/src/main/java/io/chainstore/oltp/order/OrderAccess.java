package io.chainstore.oltp.order;

import io.chainstore.oltp.access.Caller;
import io.chainstore.oltp.access.Role;
import io.chainstore.oltp.web.ApiException;
import org.springframework.http.HttpStatus;

/**
 * Which orders a caller may touch, beyond the roles each endpoint allows ({@code @AllowedRoles}):
 * storefronts place and follow online and click-and-collect orders but see no POS sales; a POS
 * terminal sells only as POS, and it and a store manager only at their own store.
 */
final class OrderAccess {

  private OrderAccess() {}

  static void checkCreate(Caller caller, CreateOrderRequest request) {
    if (caller.is(Role.STOREFRONT) && request.channel() == Channel.POS) {
      throw new ApiException(
          HttpStatus.FORBIDDEN, "channel", "a storefront cannot place POS sales");
    }
    if (caller.is(Role.POS) && request.channel() != Channel.POS) {
      throw new ApiException(
          HttpStatus.FORBIDDEN, "channel", "a POS terminal places POS sales only");
    }
    caller.requireStore(request.storeId(), "storeId");
  }

  static void checkChange(Caller caller, Order order) {
    checkVisible(caller, order);
  }

  /** Fulfilment, pickup and completion: the store's tills and managers, or HQ admins. */
  static void checkHandle(Caller caller, Order order) {
    caller.requireStore(order.storeId(), "orderId");
  }

  static void checkRead(Caller caller, Order order) {
    checkVisible(caller, order);
  }

  private static void checkVisible(Caller caller, Order order) {
    if (caller.is(Role.STOREFRONT) && order.channel() == Channel.POS) {
      throw new ApiException(HttpStatus.FORBIDDEN, "orderId", "a storefront sees no POS sales");
    }
    caller.requireStore(order.storeId(), "orderId");
  }
}
