package io.fanshelf.indexer.model;

/** Where a label came from. */
public enum LabelSource {
  /** Set by the owner in the console or API. */
  OWNER,
  /** Imported from a spreadsheet. */
  IMPORT,
  /** Suggested by FanShelf from behaviour; lower confidence until the owner confirms it. */
  SUGGESTED
}
