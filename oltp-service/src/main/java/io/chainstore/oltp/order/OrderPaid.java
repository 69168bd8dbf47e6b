package io.chainstore.oltp.order;

/**
 * An order was paid. Published inside the paying transaction, so a listener's writes commit or roll
 * back with the payment.
 */
public record OrderPaid(long orderId) {}
