package io.fanshelf.indexer.store.lucene;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.ProductId;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefBuilder;

/**
 * The event log's compact binary form of an event, kept in doc values so that a fan's history and
 * the aggregate rebuild read it without decompressing stored-field blocks or parsing JSON (the two
 * largest costs of a recommendation before). A plain event takes its three ids and 12 bytes:
 *
 * <pre>
 * byte    format (1)
 * string  id, fan, product        (vint length + UTF-8, as Lucene's DataOutput.writeString)
 * byte    type                    (a code from TYPES; never renumbered)
 * vlong   epoch second, vint nanos
 * byte    flags: 1 owner, 2 page, 4 source, 8 value
 * string  owner, page, source     (each when flagged)
 * long    value                   (Double.doubleToLongBits, when flagged)
 * </pre>
 *
 * Stateless and thread-safe.
 */
final class EventCodec {
  private static final byte FORMAT = 1;
  // Position = the stored code: append new types at the end, never reorder.
  private static final List<EventType> TYPES =
      List.of(
          EventType.IMPRESSION,
          EventType.VIEW,
          EventType.CLICK,
          EventType.FAVORITE,
          EventType.CART,
          EventType.PURCHASE,
          EventType.SHARE,
          EventType.RATING);
  private static final int OWNER = 1;
  private static final int PAGE = 2;
  private static final int SOURCE = 4;
  private static final int VALUE = 8;

  static {
    if (TYPES.size() != EventType.values().length) {
      throw new ExceptionInInitializerError("EventCodec.TYPES must list every EventType");
    }
  }

  private EventCodec() {}

  static BytesRef encode(Event event) {
    BytesRefBuilder out = new BytesRefBuilder();
    out.append(FORMAT);
    writeString(out, event.id().value());
    writeString(out, event.fan().value());
    writeString(out, event.product().value());
    out.append((byte) TYPES.indexOf(event.type()));
    writeVLong(out, event.time().getEpochSecond());
    writeVLong(out, event.time().getNano());
    int flags =
        (event.owner().isPresent() ? OWNER : 0)
            | (event.page().isPresent() ? PAGE : 0)
            | (event.source().isPresent() ? SOURCE : 0)
            | (event.value().isPresent() ? VALUE : 0);
    out.append((byte) flags);
    event.owner().ifPresent(owner -> writeString(out, owner.value()));
    event.page().ifPresent(page -> writeString(out, page));
    event.source().ifPresent(source -> writeString(out, source));
    if (event.value().isPresent()) {
      long bits = Double.doubleToLongBits(event.value().getAsDouble());
      for (int shift = 56; shift >= 0; shift -= 8) {
        out.append((byte) (bits >>> shift));
      }
    }
    return out.toBytesRef();
  }

  static Event decode(BytesRef bytes) throws IOException {
    ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
    byte format = in.readByte();
    if (format != FORMAT) {
      throw new IllegalStateException(
          "event log entry in format " + format + ", this version reads format " + FORMAT);
    }
    EventId id = EventId.of(in.readString());
    FanId fan = FanId.of(in.readString());
    ProductId product = ProductId.of(in.readString());
    EventType type = TYPES.get(in.readByte());
    Instant time = Instant.ofEpochSecond(in.readVLong(), in.readVLong());
    int flags = in.readByte();
    Optional<OwnerId> owner =
        (flags & OWNER) != 0 ? Optional.of(OwnerId.of(in.readString())) : Optional.empty();
    Optional<String> page = (flags & PAGE) != 0 ? Optional.of(in.readString()) : Optional.empty();
    Optional<String> source =
        (flags & SOURCE) != 0 ? Optional.of(in.readString()) : Optional.empty();
    OptionalDouble value =
        (flags & VALUE) != 0
            ? OptionalDouble.of(Double.longBitsToDouble(readLong(in)))
            : OptionalDouble.empty();
    return new Event(id, fan, product, type, time, owner, page, source, value);
  }

  private static void writeString(BytesRefBuilder out, String value) {
    BytesRef utf8 = new BytesRef(value);
    writeVLong(out, utf8.length);
    out.append(utf8);
  }

  /** Lucene's vint/vlong layout: 7 bits a byte, low bits first, high bit = more follows. */
  private static void writeVLong(BytesRefBuilder out, long value) {
    while ((value & ~0x7FL) != 0) {
      out.append((byte) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.append((byte) value);
  }

  private static long readLong(ByteArrayDataInput in) throws IOException {
    long bits = 0;
    for (int i = 0; i < 8; i++) {
      bits = (bits << 8) | (in.readByte() & 0xFFL);
    }
    return bits;
  }
}
