package io.fanshelf.api.redis;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.ProductId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One event of a fan's history copy in Redis ({@link RedisHistory}), as bytes: [8: epoch
 * millisecond, sign bit flipped, so that the bytes sort as the times do] [2: id length] [id UTF-8]
 * [4: nanoseconds within the millisecond] [1: type length] [type wire name] [2: product length]
 * [product UTF-8] [1: has value] [8: the value's bits, when it has]. The scripts read only time and
 * id, which is all they order and deduplicate by. The fan is the key's; owner, page and source are
 * not kept: ranking never reads them from the history. Part of the stored format. Stateless.
 */
final class HistoryEntry {
  private HistoryEntry() {}

  static byte[] encode(Event event) {
    byte[] id = event.id().value().getBytes(StandardCharsets.UTF_8);
    byte[] type = event.type().wireName().getBytes(StandardCharsets.US_ASCII);
    byte[] product = event.product().value().getBytes(StandardCharsets.UTF_8);
    boolean hasValue = event.value().isPresent();
    ByteBuffer out =
        ByteBuffer.allocate(
            8 + 2 + id.length + 4 + 1 + type.length + 2 + product.length + 1 + (hasValue ? 8 : 0));
    Instant time = event.time();
    out.putLong(time.toEpochMilli() ^ Long.MIN_VALUE);
    out.putShort((short) id.length).put(id);
    out.putInt(time.getNano() % 1_000_000);
    out.put((byte) type.length).put(type);
    out.putShort((short) product.length).put(product);
    out.put((byte) (hasValue ? 1 : 0));
    if (hasValue) {
      out.putDouble(event.value().getAsDouble());
    }
    return out.array();
  }

  static Event decode(FanId fan, byte[] entry) {
    ByteBuffer in = ByteBuffer.wrap(entry);
    long millis = in.getLong() ^ Long.MIN_VALUE;
    String id = string(in, Short.toUnsignedInt(in.getShort()));
    Instant time = Instant.ofEpochMilli(millis).plusNanos(in.getInt());
    EventType type = EventType.parse(string(in, Byte.toUnsignedInt(in.get())));
    String product = string(in, Short.toUnsignedInt(in.getShort()));
    OptionalDouble value =
        in.get() == 1 ? OptionalDouble.of(in.getDouble()) : OptionalDouble.empty();
    return new Event(
        EventId.of(id),
        fan,
        ProductId.of(product),
        type,
        time,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        value);
  }

  private static String string(ByteBuffer in, int length) {
    byte[] bytes = new byte[length];
    in.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
