package io.chainstore.streaming.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CdcSourcesTest {

  @Test
  void theTopicPatternMatchesExactlyTheTablesTopics() {
    Pattern topics = CdcSources.topics("chainstore", List.of("orders", "work_orders"));
    assertThat(topics.matcher("chainstore.public.orders").matches()).isTrue();
    assertThat(topics.matcher("chainstore.public.work_orders").matches()).isTrue();
    assertThat(topics.matcher("chainstore.public.order_lines").matches()).isFalse();
    assertThat(topics.matcher("chainstoreXpublic.orders").matches()).isFalse();
    assertThat(topics.matcher("other.public.orders").matches()).isFalse();
  }
}
