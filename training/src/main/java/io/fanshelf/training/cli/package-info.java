/**
 * The {@code fanshelf-training} command line: build-dataset, train, evaluate, publish, rollback,
 * list and bench, with progress bars and exit codes 0 (success), 2 (rejected input) and 1
 * (failure).
 */
package io.fanshelf.training.cli;
