package io.fanshelf.indexer.store.lucene;

import io.fanshelf.indexer.model.Event;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;

/** The event log's fields: one document per event. */
final class EventFields {
  /** Keyword: the idempotency check looks every incoming id up as a term. */
  static final String ID = "id";

  /** Keyword: a fan's history is one term query. */
  static final String FAN = "fan";

  /** Numeric doc values, epoch millis: newest-first sort of a fan's history. */
  static final String TIME = "time";

  /**
   * Binary doc values: the whole event in {@link EventCodec}'s form. Doc values rather than a
   * stored field: reading a fan's 200 latest events touches 200 places of the log, and a stored
   * field decompresses a whole block for each, doc values read the bytes in place.
   */
  static final String EVENT = "event";

  /**
   * Long point: the event's number in the log, 1, 2, 3 ... in commit order ({@code
   * EventReader.position}). A point, not doc values: replaying the tail after a snapshot is one
   * range query, and checking a snapshot's last event one exact query. Absent in events appended
   * before numbering existed; they are below every number given since.
   */
  static final String SEQ = "seq";

  /**
   * Stored only, in logs written before {@link #EVENT} existed: the event as JSON. Still read for
   * those documents; no longer written.
   */
  static final String LEGACY_SOURCE = "_source";

  private EventFields() {}

  static Document toDocument(Event event, long seq) {
    Document doc = new Document();
    doc.add(new LongPoint(SEQ, seq));
    doc.add(new StringField(ID, event.id().value(), Field.Store.NO));
    doc.add(new StringField(FAN, event.fan().value(), Field.Store.NO));
    doc.add(new NumericDocValuesField(TIME, event.time().toEpochMilli()));
    doc.add(new BinaryDocValuesField(EVENT, EventCodec.encode(event)));
    return doc;
  }
}
