package io.fanshelf.api.model;

/**
 * Published after an admin published or rolled back a model on this node (the registry and this
 * node's ranker have switched), so that other nodes can follow.
 */
public record ModelsChanged() {}
