package io.fanshelf.indexer.store.lucene;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;

/** The event log's fields: one document per event. */
final class EventFields {
  /** Keyword: the idempotency check looks every incoming id up as a term. */
  static final String ID = "id";

  /** Keyword: a fan's history is one term query. */
  static final String FAN = "fan";

  /** Numeric doc values, epoch millis: newest-first sort of a fan's history. */
  static final String TIME = "time";

  /** Stored only: the event as JSON. */
  static final String SOURCE = "_source";

  private EventFields() {}

  static Document toDocument(String id, String fan, long timeMillis, byte[] source) {
    Document doc = new Document();
    doc.add(new StringField(ID, id, Field.Store.NO));
    doc.add(new StringField(FAN, fan, Field.Store.NO));
    doc.add(new NumericDocValuesField(TIME, timeMillis));
    doc.add(new StoredField(SOURCE, source));
    return doc;
  }
}
