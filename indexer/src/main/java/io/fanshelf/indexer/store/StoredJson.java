package io.fanshelf.indexer.store;

import io.fanshelf.indexer.model.IsoTimes;
import java.time.Instant;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The JSON mapping of the documents FanShelf stores (products, fans, events, owners in both store
 * backends; stream entries and cached shelves in Redis): unknown properties are skipped, so a
 * document written by a newer version still reads, and times in {@link Instant#toString}'s form are
 * read by {@link IsoTimes}' fast path instead of {@code DateTimeFormatter} (every other form goes
 * to Jackson's own reader, as before).
 */
public final class StoredJson {
  private StoredJson() {}

  /** A builder of a mapper for stored documents, to add settings of its own to. */
  public static JsonMapper.Builder builder() {
    return JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .addModule(new SimpleModule("fanshelf-times").addDeserializer(Instant.class, new Times()));
  }

  private static final class Times extends ValueDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) {
      if (parser.hasToken(JsonToken.VALUE_STRING)) {
        Instant time = IsoTimes.parseCommonForm(parser.getString());
        if (time != null) {
          return time;
        }
      }
      return InstantDeserializer.INSTANT.deserialize(parser, context);
    }
  }
}
