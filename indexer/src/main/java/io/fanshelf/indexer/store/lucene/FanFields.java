package io.fanshelf.indexer.store.lucene;

import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.store.FanProfile;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;

/** The fans index's fields: one document per (owner, fan). */
final class FanFields {
  /** Keyword "owner\u001ffan": the term that replaces a profile on update. */
  static final String KEY = "key";

  /** Keyword: every owner-facing query filters on it; the wall between owners. */
  static final String OWNER = "owner";

  /** Keyword (range filter for the page cursor, profilesOf) with sorted doc values (page order). */
  static final String FAN = "fan";

  /** Keyword "dimension=value", one per label value: label filters are term queries. */
  static final String LABEL = "label";

  /** Keyword, one per labelled dimension: the "has no label for" filter. */
  static final String LABELLED = "labelled";

  /**
   * Binary doc values: the profile as JSON. Doc values rather than a stored field: every event
   * stored and every recommendation reads profiles one by one, and a stored field decompresses a
   * block of documents for each.
   */
  static final String PROFILE = "profile";

  /** Stored only, in indexes written before {@link #PROFILE}: the profile as JSON; still read. */
  static final String LEGACY_SOURCE = "_source";

  private FanFields() {}

  static Term key(OwnerId owner, FanId fan) {
    return new Term(KEY, owner.value() + '\u001f' + fan.value());
  }

  static String labelTerm(String dimension, String value) {
    return dimension + "=" + value;
  }

  static Document toDocument(FanProfile profile, byte[] source) {
    Document doc = new Document();
    doc.add(
        new StringField(
            KEY, key(profile.fan().owner(), profile.fan().id()).text(), Field.Store.NO));
    doc.add(new StringField(OWNER, profile.fan().owner().value(), Field.Store.NO));
    String fan = profile.fan().id().value();
    doc.add(new StringField(FAN, fan, Field.Store.NO));
    doc.add(new SortedDocValuesField(FAN, new BytesRef(fan)));
    for (Label label : profile.labels().values()) {
      doc.add(new StringField(LABELLED, label.dimension(), Field.Store.NO));
      for (String value : label.values()) {
        doc.add(new StringField(LABEL, labelTerm(label.dimension(), value), Field.Store.NO));
      }
    }
    doc.add(new BinaryDocValuesField(PROFILE, new BytesRef(source)));
    return doc;
  }
}
