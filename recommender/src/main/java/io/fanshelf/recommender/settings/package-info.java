/**
 * The ranking part of FanShelf's configuration file: {@code fanshelf.recommend.*}, {@code
 * fanshelf.feedback.*} and {@code fanshelf.aggregates.*}, as plain records shaped like the file,
 * and the one mapping from them onto the validated option records ({@link
 * io.fanshelf.recommender.RecommenderOptions}, {@link io.fanshelf.indexer.model.FeedbackPolicy},
 * {@link io.fanshelf.indexer.aggregate.AggregateOptions}). The server binds them from
 * application.yml and the training CLI reads the same file into them, so both run on the same
 * options; {@link io.fanshelf.recommender.settings.FeatureSettings} is what a model records of them
 * and what serving checks.
 */
package io.fanshelf.recommender.settings;
