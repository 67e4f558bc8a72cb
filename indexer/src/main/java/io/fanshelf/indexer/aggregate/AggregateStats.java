package io.fanshelf.indexer.aggregate;

/**
 * Counts that describe an {@link EventAggregates}, for the CLI's stats command and for logs.
 *
 * @param eventsSeen every event passed to {@code add}, positive or not
 * @param positiveEvents events with a positive feedback weight, the only ones that count
 * @param eventsWithoutProduct positive events whose product the catalog did not know; they count
 *     for popularity and co-occurrence but not for category, brand, price or label statistics
 * @param lateEventsUnpaired positive events that arrived after too many newer events of the same
 *     fan to be paired exactly, and so were left out of co-occurrence
 * @param products products with at least one positive event
 * @param fans fans with at least one positive event
 * @param owners owners with at least one positive event among their fans
 * @param neighbourEntries co-occurrence entries kept, each pair counting once per direction
 * @param categoryKeys distinct category keys seen (every level)
 * @param labelValues distinct (dimension, value) pairs seen on labelled fans' events
 */
public record AggregateStats(
    long eventsSeen,
    long positiveEvents,
    long eventsWithoutProduct,
    long lateEventsUnpaired,
    int products,
    int fans,
    int owners,
    long neighbourEntries,
    int categoryKeys,
    int labelValues) {}
