/**
 * Learning to rank: validated option records and {@link io.fanshelf.training.model.Fit#fit}, which
 * fits LambdaMART ({@link io.fanshelf.training.model.LambdaMart}: histogram regression trees on
 * NDCG lambdas, boosted from a base ranking) or a logistic regression (Smile) to a dataset and
 * returns serving's ranker ({@link io.fanshelf.recommender.ranking.TreeEnsemble} or {@link
 * io.fanshelf.recommender.ranking.LinearRanker}).
 */
package io.fanshelf.training.model;
