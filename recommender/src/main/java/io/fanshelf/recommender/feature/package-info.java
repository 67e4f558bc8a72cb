/**
 * Feature extraction: the one implementation that turns (fan, candidate) into numbers, used by the
 * ranker at serving time and by training to build datasets, so the two can never drift.
 */
package io.fanshelf.recommender.feature;
