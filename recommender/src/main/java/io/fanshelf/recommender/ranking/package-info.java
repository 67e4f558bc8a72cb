/**
 * Ranking: a {@link io.fanshelf.recommender.ranking.Ranker} scores feature vectors (trees fitted by
 * LambdaMART, a linear model, or one feature such as popularity), and a {@link
 * io.fanshelf.recommender.ranking.RankingModel} bundles it with the collaborative models whose
 * scores it reads. Until a ranking has been validated on a shop's data, the shop is served {@link
 * io.fanshelf.recommender.ranking.RankingModel#popularity()}; a trained or validated model replaces
 * it at run time through {@link io.fanshelf.recommender.ranking.RankingHolder}, without a restart.
 */
package io.fanshelf.recommender.ranking;
