/**
 * Models: validated option records, {@link io.fanshelf.training.model.Fit#fit} (Smile
 * gradient-boosted trees and logistic regression, seeded), the fitted models, and {@link
 * io.fanshelf.training.model.ModelRanker}, which plugs a model into serving's ranker slot.
 */
package io.fanshelf.training.model;
