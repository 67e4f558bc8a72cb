/**
 * Model artifacts and the registry in the data directory: a checksummed file format that never
 * deserializes classes outside an allow-list, publish and roll back through an atomically replaced
 * pointer, and {@link io.fanshelf.training.registry.ModelWatch}, which switches a running
 * recommender to the published model without a restart.
 */
package io.fanshelf.training.registry;
