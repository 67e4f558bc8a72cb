/**
 * What every feature shares: the validated {@code fanshelf.*} configuration, the Indexer and
 * Recommender beans, RFC 9457 errors for the REST API, security headers, and health.
 */
package io.fanshelf.api.system;
