/**
 * An in-memory, immutable view of the catalog for the hot path: products by dense ordinal, with
 * their category and brand ordinals, so features and rules need no store round trip per candidate.
 * A new snapshot replaces the old one when the catalog changes.
 */
package io.fanshelf.recommender.catalog;
