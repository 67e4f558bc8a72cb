/**
 * The indexer's command-line tool for the platform team: import, stats, rebuild of derived data and
 * the Complete Journey converter. Exit codes scripts can rely on: 0 success, 2 rejected input or
 * bad arguments, 1 anything else.
 */
package io.fanshelf.indexer.cli;
