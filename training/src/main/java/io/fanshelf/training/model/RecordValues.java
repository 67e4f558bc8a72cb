package io.fanshelf.training.model;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record's components by name, in declaration order: the hyper-parameters of an options record,
 * written once here rather than by hand in each of them.
 */
public final class RecordValues {
  private RecordValues() {}

  public static Map<String, Object> of(Record record) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      try {
        values.put(component.getName(), component.getAccessor().invoke(record));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + component.getName() + " of " + record, e);
      }
    }
    return values;
  }
}
