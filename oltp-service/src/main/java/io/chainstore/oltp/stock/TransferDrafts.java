package io.chainstore.oltp.stock;

import io.chainstore.oltp.access.Caller;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafting a transfer for another feature (an accepted suggestion): the same draft, with the same
 * checks, as {@code POST /api/stock/transfers}.
 */
@Service
public class TransferDrafts {

  private final StockDocuments documents;

  TransferDrafts(StockDocuments documents) {
    this.documents = documents;
  }

  /** Drafts a transfer of one SKU between two locations; its document id. */
  @Transactional(propagation = Propagation.MANDATORY)
  public long draft(
      long fromLocationId,
      long toLocationId,
      long skuId,
      int quantity,
      String reference,
      Caller caller) {
    return documents
        .draftTransfer(
            new StockDocuments.TransferRequest(
                fromLocationId,
                toLocationId,
                reference,
                List.of(new StockDocuments.Line(skuId, quantity))),
            caller)
        .id();
  }
}
