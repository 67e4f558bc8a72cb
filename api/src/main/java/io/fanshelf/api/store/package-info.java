/**
 * How the API keeps its own state. Embedded default: small JSON documents under {@code
 * <data>/api/}, each replaced atomically and forced to disk ({@link
 * io.fanshelf.api.store.JsonFile}). Scale-out (the Elasticsearch store): the same records as
 * documents of the cluster's {@code <prefix>-api} index ({@link
 * io.fanshelf.api.store.SharedDocuments}), so that every API node sees one state and nothing is
 * lost with a node. The feature packages define the store interfaces (accounts, keys, tokens,
 * segments, links, pins) and both implementations.
 */
package io.fanshelf.api.store;
