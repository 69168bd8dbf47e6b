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

  @Test
  void readsWhatTheTreeReadsWhateverElseTheEventCarries() throws Exception {
    String event =
        "{\"schema_version\": [1, {\"x\": 2}], \"before\": null,"
            + " \"after\": {\"id\": 5, \"tags\": [\"a\"], \"at\": {\"z\": null}},"
            + " \"source\": {\"version\": \"3.6\", \"sequence\": \"[\\\"1\\\",\\\"2\\\"]\","
            + " \"nested\": {\"lsn\": 1}, \"lsn\": 4242, \"ts_ms\": 1764237600123, \"xmin\": null},"
            + " \"transaction\": {\"id\": \"7\", \"total_order\": 1}, \"op\": \"u\","
            + " \"ts_ms\": 1764237609999}";
    Envelope updated = parse(event);
    assertThat(updated.op()).isEqualTo('u');
    assertThat(updated.lsn()).isEqualTo(4242);
    assertThat(updated.commitMillis()).isEqualTo(1764237600123L);
    assertThat(updated.before()).isNull();
    assertThat(updated.row().toString())
        .isEqualTo("{\"id\":5,\"tags\":[\"a\"],\"at\":{\"z\":null}}");
    // Without the connector's commit time, the event's own.
    Envelope read = parse("{\"after\": {\"id\": 1}, \"op\": \"r\", \"ts_ms\": 9}");
    assertThat(read.commitMillis()).isEqualTo(9);
    assertThat(read.lsn()).isZero();
  }

  private static Envelope parse(String json) throws Exception {
    return Envelope.parse(json.getBytes(StandardCharsets.UTF_8));
  }
}
