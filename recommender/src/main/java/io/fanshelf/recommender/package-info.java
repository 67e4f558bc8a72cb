/**
 * The recommender's front door: {@link io.fanshelf.recommender.Recommender} turns a {@link
 * io.fanshelf.recommender.RecommendRequest} (owner, fan, optional need and filters) into ranked
 * {@link io.fanshelf.recommender.Recommendations}, each item with the sources that produced it and
 * reasons a fan can read. The steps live in sub-packages: candidates, features, ranking, rules,
 * diversity and reasons.
 */
package io.fanshelf.recommender;
