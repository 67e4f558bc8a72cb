/**
 * How the API keeps its own state on the embedded default: small JSON documents under {@code
 * <data>/api/}, each replaced atomically and forced to disk ({@link
 * io.fanshelf.api.store.JsonFile}). The feature packages define their store interfaces (accounts,
 * keys, segments, links, pins) so that shared parts can move to Redis for several API nodes.
 */
package io.fanshelf.api.store;
