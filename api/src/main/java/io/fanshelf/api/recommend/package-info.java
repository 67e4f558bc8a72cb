/**
 * Recommendations for apps: ranked lists for (owner, fan) with section, need and filters, and
 * similar items, through the Recommender with latency and model metrics.
 */
package io.fanshelf.api.recommend;
