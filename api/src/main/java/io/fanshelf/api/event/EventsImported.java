package io.fanshelf.api.event;

/**
 * Published after events entered the store in bulk (an import, the demo data), not through {@link
 * EventService}: whatever mirrors the store's history per fan must forget what it holds.
 */
public record EventsImported() {}
