/**
 * Reasons a fan can read, built from what actually drove an item: the features that scored it and
 * the sources that proposed it. A reason is a kind and the arguments its text quotes (a label's
 * names, a product's title shortened at a word boundary); the texts are message bundles of the API.
 * A private label never reaches a reason.
 */
package io.fanshelf.recommender.reason;
