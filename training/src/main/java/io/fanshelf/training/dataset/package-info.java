/**
 * Datasets without leakage: the event log in memory, splits (time, leave-last-out, given),
 * snapshots of what was known at a cutoff (aggregates rebuilt from earlier events, labels and
 * products as they were), fan cases with their label windows, and the labelled examples built from
 * serving's candidates and features.
 */
package io.fanshelf.training.dataset;
