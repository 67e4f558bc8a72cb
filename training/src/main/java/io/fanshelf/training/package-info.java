/**
 * Training for data scientists: {@link io.fanshelf.training.Trainer} builds leak-free datasets from
 * a split and fits Smile models, {@link io.fanshelf.training.Evaluation} compares them with the
 * baselines on the whole catalog. Everything reuses the recommender's candidate sources and its one
 * feature extractor, so what is trained is what serves.
 */
package io.fanshelf.training;
