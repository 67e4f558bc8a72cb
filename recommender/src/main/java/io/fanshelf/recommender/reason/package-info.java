/**
 * Reasons a fan can read ("适合油皮 / For oily skin"), built from what actually drove an item: the
 * features that scored it and the sources that proposed it. A private label never reaches a reason.
 */
package io.fanshelf.recommender.reason;
