/**
 * Collaborative models as serving reads them: item factors of implicit ALS with a fold-in solve for
 * a fan's current history ({@link io.fanshelf.recommender.collaborative.FactorModel}), sparse
 * item-to-item weights (EASE, cosine item-kNN, RP3beta: {@link
 * io.fanshelf.recommender.collaborative.ItemNeighbourModel}) and fan-to-fan neighbourhoods ({@link
 * io.fanshelf.recommender.collaborative.FanNeighbourModel}). The training module fits them; here
 * they only score. Each knows its products by id ({@link
 * io.fanshelf.recommender.collaborative.ItemIndex}) so that a model outlives catalog refreshes.
 */
package io.fanshelf.recommender.collaborative;
