/**
 * The shared vocabulary of FanShelf: ids, products, owners, fans, labels and events.
 *
 * <p>Every type here is an immutable record that validates itself in its compact constructor, so a
 * value that exists is a valid one. Missing data is {@link java.util.Optional}, never null. Which
 * event types count as positive feedback, and how much, is configuration ({@link FeedbackPolicy}),
 * not code.
 */
package io.fanshelf.indexer.model;
