package io.fanshelf.indexer.taxonomy;

/** How many values of a dimension one label may hold. */
public enum Cardinality {
  /** Exactly one, e.g. skin type. */
  ONE,
  /** One or more, e.g. home style 性价比 and 颜值. */
  MANY
}
