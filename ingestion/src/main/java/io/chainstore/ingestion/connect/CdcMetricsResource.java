package io.chainstore.ingestion.connect;

import io.chainstore.ingestion.CdcMetricsPage;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** {@code GET /metrics} on the worker's REST API: this worker's {@link CdcMetricsPage}. */
@Path("/metrics")
public class CdcMetricsResource {

  @GET
  @Produces(CdcMetricsPage.CONTENT_TYPE)
  public String metrics() {
    return WorkerCdcMetrics.page();
  }
}
