package io.fanshelf.indexer.ingest;

/** Hears how an import goes, for progress bars and logs. Called from the importing thread. */
public interface ImportListener {
  /** Silence. */
  ImportListener NONE = new ImportListener() {};

  /**
   * Progress through one file.
   *
   * @param stage "validate" or "apply"
   * @param file the file name
   * @param bytesDone bytes of the file read so far
   * @param bytesTotal the file's size
   * @param rows rows read so far
   */
  default void progress(String stage, String file, long bytesDone, long bytesTotal, long rows) {}

  /** One file applied. */
  default void applied(ImportSummary.FileSummary summary) {}
}
