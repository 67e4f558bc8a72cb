package io.fanshelf.indexer.store.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ElasticsearchOptionsTest {
  private static final URI HOST = URI.create("http://es-1:9200");

  @Test
  void defaultsSuitAProductionCluster() {
    ElasticsearchOptions options = ElasticsearchOptions.builder("fanshelf", HOST).build();

    assertEquals(List.of(HOST), options.hosts());
    assertEquals(1, options.replicas());
    assertEquals(ElasticsearchOptions.Refresh.WAIT_FOR, options.refresh());
    assertEquals(Duration.ofSeconds(1), options.refreshInterval());
    assertEquals("fanshelf-events", options.index("events"));
    assertEquals(Duration.ofDays(7), options.eventPeriod());
    assertEquals(Optional.empty(), options.eventRetention(), "events are kept unless told");
  }

  @Test
  void badValuesAreRejectedNamingTheValue() {
    assertRejected("Fan Shelf", b -> b, "index prefix", "'Fan Shelf'");
    assertRejected("_hidden", b -> b, "index prefix", "'_hidden'");
    assertRejected("fanshelf", b -> b.shards(0, 1, 1), "catalog shards", "got 0");
    assertRejected("fanshelf", b -> b.shards(1, 1, 2000), "event shards", "got 2000");
    assertRejected("fanshelf", b -> b.replicas(-1), "replicas", "got -1");
    assertRejected("fanshelf", b -> b.refreshInterval(Duration.ZERO), "refresh interval", "PT0S");
    assertRejected(
        "fanshelf", b -> b.requestTimeout(Duration.ofHours(2)), "request timeout", "PT2H");
    assertRejected("fanshelf", b -> b.apiKey("  "), "api key", "blank");
    assertRejected("fanshelf", b -> b.eventPeriod(Duration.ofHours(36)), "event period", "PT36H");
    assertRejected("fanshelf", b -> b.eventPeriod(Duration.ZERO), "event period", "whole number");
    assertRejected(
        "fanshelf",
        b -> b.eventRetention(Duration.ofDays(5)),
        "event retention",
        "between 7 and",
        "PT120H");
  }

  @Test
  void retentionIsAtLeastOnePeriod() {
    ElasticsearchOptions options =
        ElasticsearchOptions.builder("fanshelf", HOST)
            .eventPeriod(Duration.ofDays(1))
            .eventRetention(Duration.ofDays(3))
            .build();

    assertEquals(Optional.of(Duration.ofDays(3)), options.eventRetention());
    assertTrue(options.toString().contains("eventRetention=PT72H"), options.toString());
  }

  @Test
  void hostsMustBeHttpUrlsWithAPort() {
    for (String bad : List.of("es-1:9200", "ftp://es-1:21", "http://es-1", "http://es-1:9200/es")) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> ElasticsearchOptions.builder("fanshelf", URI.create(bad)).build(),
              bad);
      assertTrue(e.getMessage().contains(bad), e.getMessage());
    }
    assertThrows(
        IllegalArgumentException.class, () -> ElasticsearchOptions.builder("fanshelf").build());
    ElasticsearchOptions.builder("fanshelf", URI.create("https://es-2:443/")).build();
  }

  @Test
  void theApiKeyIsNeverPrinted() {
    ElasticsearchOptions options =
        ElasticsearchOptions.builder("fanshelf", HOST).apiKey("c2VjcmV0OmtleQ==").build();

    assertFalse(options.toString().contains("c2VjcmV0OmtleQ=="), options.toString());
    assertTrue(options.toString().contains("apiKey=(set)"), options.toString());
  }

  private static void assertRejected(
      String prefix, UnaryOperator<ElasticsearchOptions.Builder> change, String... expected) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> change.apply(ElasticsearchOptions.builder(prefix, HOST)).build());
    for (String part : expected) {
      assertTrue(e.getMessage().contains(part), e.getMessage());
    }
  }
}
