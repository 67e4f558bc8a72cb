package io.fanshelf.indexer.taxonomy;

/** Whether a dimension may ever reach a fan. */
public enum Visibility {
  /** May appear in a fan-facing reason, e.g. "适合油皮". */
  DISPLAYABLE,
  /** Never shown to a fan (price sensitivity, income band); still used for ranking. */
  PRIVATE
}
