package io.chainstore.streaming.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainstore.streaming.ChangeEvents;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

  @Test
  void readsTheOperationLsnAndRows() throws Exception {
    Envelope created = parse(ChangeEvents.event("orders", "c", 77, "id", 5, "status", "created"));
    assertThat(created.op()).isEqualTo('c');
    assertThat(created.lsn()).isEqualTo(77);
    assertThat(created.row().path("id").asLong()).isEqualTo(5);
    Envelope deleted = parse(ChangeEvents.event("orders", "d", 78, "id", 5));
    assertThat(deleted.deleted()).isTrue();
    assertThat(deleted.row().path("id").asLong()).isEqualTo(5);
  }

  @Test
  void skipsWhatIsNoRowChange() throws Exception {
    assertThat(Envelope.parse(null)).isNull();
    assertThat(Envelope.parse(new byte[0])).isNull();
    assertThat(parse("{\"ts_ms\": 1764237600000}")).isNull();
    assertThat(parse("{\"op\": \"t\", \"source\": {}}")).isNull();
  }

  private static Envelope parse(String json) throws Exception {
    return Envelope.parse(json.getBytes(StandardCharsets.UTF_8));
  }
}
