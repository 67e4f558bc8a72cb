package io.fanshelf.indexer.ingest;

import java.util.List;

/** The input had errors, so nothing of it was applied. Carries the errors found. */
public final class ImportRejectedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<ValidationError> errors;
  private final long totalErrors;

  public ImportRejectedException(List<ValidationError> errors, long totalErrors) {
    super(
        "input rejected with "
            + totalErrors
            + " error(s), nothing was applied; first: "
            + (errors.isEmpty() ? "?" : errors.getFirst()));
    this.errors = List.copyOf(errors);
    this.totalErrors = totalErrors;
  }

  /** The errors reported, at most {@link Problems#LIMIT}. */
  public List<ValidationError> errors() {
    return errors;
  }

  /** All errors found, including those not reported. */
  public long totalErrors() {
    return totalErrors;
  }
}
