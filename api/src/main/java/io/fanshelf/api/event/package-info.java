/**
 * Event ingestion over HTTP: apps post batches, validated with the indexer's own row mapping and
 * stored through the Indexer (all or none, idempotent by id, durable before the response). New
 * attributed events are announced for the owners' statistics.
 */
package io.fanshelf.api.event;
