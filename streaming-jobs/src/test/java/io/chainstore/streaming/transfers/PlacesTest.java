package io.chainstore.streaming.transfers;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainstore.streaming.cdc.Envelope;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PlacesTest {

  private static Envelope location(String kind) throws Exception {
    String json =
        "{\"op\":\"c\",\"source\":{\"lsn\":16},\"after\":{\"id\":7,\"kind\":\""
            + kind
            + "\",\"latitude\":\"52.500000\",\"longitude\":\"13.400000\"}}";
    return Envelope.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void storesAndWarehousesArePlacesSuppliersLocationsAreNot() throws Exception {
    assertThat(TransferSuggestionsJob.PLACES.decode("locations", location("store")).warehouse())
        .isFalse();
    assertThat(TransferSuggestionsJob.PLACES.decode("locations", location("warehouse")).warehouse())
        .isTrue();
    assertThat(TransferSuggestionsJob.PLACES.decode("locations", location("supplier"))).isNull();
  }
}
