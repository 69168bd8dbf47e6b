package io.chainstore.oltp.order;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Releases click-and-collect orders that were not collected in time. */
@Component
class PickupExpiry {

  private static final Logger LOG = LoggerFactory.getLogger(PickupExpiry.class);
  private final OrderService orders;

  PickupExpiry(OrderService orders) {
    this.orders = orders;
  }

  @Scheduled(fixedDelayString = "${chainstore.pickup-expiry-check-ms:60000}")
  void expire() {
    int expired = orders.expirePickups();
    if (expired > 0) {
      LOG.info("released {} click-and-collect orders not collected in time", expired);
    }
  }
}
