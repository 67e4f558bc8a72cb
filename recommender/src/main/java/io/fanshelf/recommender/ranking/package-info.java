/**
 * Ranking: a {@link io.fanshelf.recommender.ranking.Ranker} scores feature vectors. The documented
 * {@link io.fanshelf.recommender.ranking.HeuristicRanker} works with no trained model; a trained
 * model (from the training module) replaces it at run time through {@link
 * io.fanshelf.recommender.ranking.RankerHolder}, without a restart.
 */
package io.fanshelf.recommender.ranking;
