/**
 * Label suggestions from behaviour: {@link io.fanshelf.training.suggest.LabelSuggester} learns, per
 * taxonomy dimension, a regularised logistic regression from the labels owners set, over each fan's
 * category, brand and attribute profile; a dimension nobody has labelled yet falls back to the
 * taxonomy's match rules as a prior. {@link io.fanshelf.training.suggest.SuggestionEvaluation}
 * measures precision and recall on held-out labels against the majority class.
 */
package io.fanshelf.training.suggest;
