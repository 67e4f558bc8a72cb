/**
 * Evaluation: full-catalog ranking metrics (no sampled negatives), the baselines (random,
 * popularity, owner-popular, item-kNN, label-only), slices by fan type, and the JSON and HTML
 * reports with their documented shape.
 */
package io.fanshelf.training.eval;
