/**
 * The platform's label taxonomy: versioned dimensions (skin type, home style, age band ...), their
 * values with zh-CN and English names, whether a dimension may be shown to a fan, and the rule that
 * matches each value to products.
 *
 * <p>The taxonomy is the one place where an owner's words ("油皮") meet catalog data (the product
 * attribute {@code skin_type=oily}); the recommender turns its match rules into store queries.
 */
package io.fanshelf.indexer.taxonomy;
