package io.chainstore.oltp.stock;

/**
 * A transfer left its origin. Published inside the shipping transaction, so a listener's writes
 * commit or roll back with the shipment.
 */
public record TransferShipped(long transferId) {}
