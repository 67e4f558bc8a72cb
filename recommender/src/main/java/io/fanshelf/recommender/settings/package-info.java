/**
 * The ranking part of FanShelf's configuration file: {@code fanshelf.recommend.*}, {@code
 * fanshelf.feedback.*} and {@code fanshelf.aggregates.*}, as plain records shaped like the file,
 * and the one mapping from them onto the validated option records ({@link
 * io.fanshelf.recommender.RecommenderOptions}, {@link io.fanshelf.indexer.model.FeedbackPolicy},
 * {@link io.fanshelf.indexer.aggregate.AggregateOptions}). The server binds them from
 * application.yml; they hold no Spring, so any other reader of that file maps them the same way.
 */
package io.fanshelf.recommender.settings;
