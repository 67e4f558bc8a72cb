/**
 * Fitting the collaborative models from the event log: the fan x product matrix of positive
 * feedback ({@link io.fanshelf.training.collaborative.Interactions}) and one {@code fit(data,
 * options)} per algorithm: implicit ALS ({@link io.fanshelf.training.collaborative.Als}), EASE
 * ({@link io.fanshelf.training.collaborative.Ease}), item-kNN with cosine or RP3beta weights
 * ({@link io.fanshelf.training.collaborative.ItemKnn}) and fan-kNN ({@link
 * io.fanshelf.training.collaborative.FanKnn}). The fitted models are the recommender's {@code
 * collaborative} types, which serving scores with.
 */
package io.fanshelf.training.collaborative;
