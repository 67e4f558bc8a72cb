/**
 * Business rules applied after ranking: in stock, inside the owner's assortment and the request's
 * filters, not bought recently, the owner's pins (always on top) and blocks (never), and a
 * frequency cap; then one product per near-duplicate group (same normalised title or family) and
 * diversity in the top of the list.
 */
package io.fanshelf.recommender.rules;
